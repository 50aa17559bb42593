"""The visitors' page cache: whole responses to anonymous GET requests.

It sits after the header middleware (security headers, CSP) and before the
session, so a hit skips sessions, auth, CSRF and the CMS, and still passes
through the header middleware like a fresh response. What it stores is the
response as the inner middleware left it, so a hit carries the same headers.

Only visitors without a session or messages cookie are served from the
cache; only responses that read no CSRF token, set no cookie, are not
marked private or uncacheable and are the same for every visitor are stored.

An entry is stored under its URL with the content versions it was rendered
under, and served only while they are still the current ones: the versions
and the entry come in one round trip to the cache, which is most of what a
hit costs. A stale entry is overwritten by the next render of its URL.
"""

from cms.views import details as cms_page_view
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from . import cache as portal_cache
from . import regions

# The entry's layout is in the key: hosts running other code never share one.
KEY = "portal:page:v2:{url}"
VARIANTS_KEY = "portal:page-variants:{versions}:{path}"
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store", "max-age=0"}
# A visitor with one of these cookies may see something personal.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def serves_from_cache(request):
    return request.method == "GET" and not any(
        name in request.COOKIES for name in PERSONAL_COOKIES
    )


def page_key(request):
    """The URL with its query string in a fixed order, so ``?a=1&b=2`` and
    ``?b=2&a=1`` share one entry."""
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return KEY.format(url=portal_cache.digest(url))


def is_visitor(request):
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


CACHING_HEADERS = ("Cache-Control", "Expires")


class ViewCachingHeadersMiddleware:
    """The innermost middleware: notes the caching headers the view itself
    set, so the page cache can restore them for visitors.

    With its own caches off, django CMS marks every visitor's response that
    shows a placeholder (the toolbar middleware) and every CMS page (the
    page view) as never to be cached, though nothing on it is personal. The
    marks it sets for logged-in users and the toolbar never matter here:
    those responses are never stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if match is not None and match.func is cms_page_view:
            request.view_caching_headers = {}
        else:
            request.view_caching_headers = {
                name: response[name] for name in CACHING_HEADERS if name in response
            }
        return response


def restore_view_caching_headers(request, response):
    headers = getattr(request, "view_caching_headers", None)
    if headers is None or not is_visitor(request):
        return
    for name in CACHING_HEADERS:
        if name in headers:
            response[name] = headers[name]
        elif name in response:
            del response[name]


def is_shareable(request, response, private_regions=False):
    """Whether the response may be stored for every visitor; with
    ``private_regions`` (for a shell, which leaves them out) the mark its
    private regions gave it does not count."""
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if not is_visitor(request):
        return False
    directives = {
        part.strip().lower() for part in response.get("Cache-Control", "").split(",")
    }
    if private_regions:
        directives.discard("private")
    if directives & UNCACHEABLE_DIRECTIVES:
        return False
    # Vary: Cookie is harmless (visitors with personal cookies never get a
    # hit); anything else, such as Accept-Language on /, is not in the key.
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    if vary - {"", "cookie"}:
        return False
    return len(response.content) <= settings.PAGE_CACHE_MAX_BYTES


def within_variant_budget(request, versions):
    """Query strings are unbounded; each path may store only so many of
    them per content version, so a flood of them cannot push out the
    useful entries."""
    if not request.META.get("QUERY_STRING"):
        return True
    key = VARIANTS_KEY.format(versions=versions, path=portal_cache.digest(request.path))
    return count(key, settings.PAGE_CACHE_SECONDS) <= settings.PAGE_CACHE_MAX_VARIANTS


def count(key, timeout):
    """One more on a counter that expires ``timeout`` seconds after its
    first count; the new count."""
    if hasattr(cache, "count"):  # the portal's Redis backend: one round trip
        return cache.count(key, timeout)
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired in between
        return 1


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not serves_from_cache(request):
            return self.get_response(request)
        key = page_key(request)
        versions, entries = portal_cache.kept_values([key])
        if key in entries:
            return self.rebuild(entries[key])
        with portal_cache.pinned(versions):
            response = self.respond(request, versions)
        # Stored after the pin: this process keeps no copy of every page.
        if is_shareable(request, response) and within_variant_budget(request, versions):
            entry = (response.status_code, response.content, list(response.items()))
            portal_cache.keep(versions, {key: entry})
        return response

    def respond(self, request, versions):
        """The page filled into its shell where there is one, else from the
        view; a list page's shell is kept on the way."""
        shell_key = regions.shell_key(request)
        _, shells = portal_cache.kept_values([shell_key])
        if shell_key in shells:
            response = regions.fill(shells[shell_key], request)
            if response is not None:
                return response
        request.marks_regions = True
        response = self.get_response(request)
        restore_view_caching_headers(request, response)
        shell = regions.cut(response)
        if shell is not None and is_shareable(
            request, response, private_regions=regions.has_private_region(shell)
        ):
            portal_cache.keep(versions, {shell_key: shell})
        return response

    @staticmethod
    def rebuild(entry):
        status, content, headers = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response
