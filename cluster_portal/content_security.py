"""The Content-Security-Policy header: a strict policy for visitors and a
wider one for staff (settings ``CONTENT_SECURITY_POLICY`` and
``CONTENT_SECURITY_POLICY_STAFF``).

The middleware sits above the page cache, so cached hits get the header too.
Visitors' pages are cached and shared, so they can carry no per-request
nonce: their scripts and styles are static files and the visitors' policy
needs none. Staff are never served from the cache; django CMS's toolbar, its
editors and the admin need what their policy adds.
"""

import functools

from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy, default_config
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

HEADER = "Content-Security-Policy"
# What django-csp's per-view decorators mark a response with.
TAILORING = tuple(
    f"_csp_{name}{suffix}"
    for name in ("exempt", "config", "update", "replace")
    for suffix in ("", "_ro")
)


def is_staff(request):
    # Set by AuthenticationMiddleware further in; a page-cache hit never
    # reaches it and is always a visitor's.
    user = getattr(request, "user", None)
    return user is not None and user.is_staff


@functools.cache
def fixed_policy(staff):
    """One of the two policies as a header, built once: a page-cache hit
    costs hardly more than building it."""
    config = default_config(settings.CONTENT_SECURITY_POLICY_STAFF["DIRECTIVES"])
    return in_fixed_order(build_policy(config=config if staff else None))


def in_fixed_order(header):
    # django-csp joins the directives in set order, which differs from
    # process to process; sorted, every worker and host sends one header.
    return "; ".join(sorted(header.split("; ")))


@receiver(setting_changed)
def forget_fixed_policies(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        fixed_policy.cache_clear()


def is_fixed(request, response):
    """Whether the response gets one of the two fixed policies: no nonce was
    asked for, no decorator tailored it, and no report-only policy or
    excluded path is configured."""
    return not (
        HEADER in response
        or getattr(request, "_csp_nonce", None)
        or any(hasattr(response, mark) for mark in TAILORING)
        or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        or settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES")
        or (settings.DEBUG and response.status_code in (404, 500))
    )


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_staff(request):
            parts.config = default_config(
                settings.CONTENT_SECURITY_POLICY_STAFF["DIRECTIVES"]
            )
        return parts

    def process_response(self, request, response):
        if is_fixed(request, response):
            response[HEADER] = fixed_policy(is_staff(request))
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
            return response
        response = super().process_response(request, response)
        if HEADER in response:
            response[HEADER] = in_fixed_order(response[HEADER])
        return response
