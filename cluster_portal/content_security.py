"""The Content-Security-Policy header: a strict policy for visitors and a
wider one for staff (settings ``CONTENT_SECURITY_POLICY`` and
``CONTENT_SECURITY_POLICY_STAFF``).

The middleware sits above the page cache, so cached hits get the header too.
Visitors' pages are cached and shared, so they can carry no per-request
nonce: their scripts and styles are static files and the visitors' policy
needs none. Staff are never served from the cache; django CMS's toolbar, its
editors and the admin need what their policy adds.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

HEADER = "Content-Security-Policy"


def is_staff(request):
    # Set by AuthenticationMiddleware further in; a page-cache hit never
    # reaches it and is always a visitor's.
    user = getattr(request, "user", None)
    return user is not None and user.is_staff


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_staff(request):
            parts.config = default_config(
                settings.CONTENT_SECURITY_POLICY_STAFF["DIRECTIVES"]
            )
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        # django-csp joins the directives in set order, which differs from
        # process to process; sorted, every worker and host sends one header.
        if HEADER in response:
            response[HEADER] = "; ".join(sorted(response[HEADER].split("; ")))
        return response
