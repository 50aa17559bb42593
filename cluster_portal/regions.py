"""Cheap cache misses: a list page's frame kept, its list rendered anew.

A filtered or searched list has too many query strings to cache each page,
but all of them share everything but the list: the header, menus, footer,
the CMS text above the list. The list page's template marks what depends on
the query string as a region, and the app registers how to render that
region from the request alone::

    {% region "members:directory" %}
        {% include "members/includes/directory.html" %}
    {% endregion %}

    render_directory = regions.template_renderer(
        "members/includes/directory.html", directory_context
    )
    regions.register("members:directory", render_directory)

When the page cache renders a page for a visitor in full, it keeps the page
with its regions cut out (its shell) under the path and the content
versions. A visitor's next miss on that path, with any query string, is
answered from the shell: the page cache fills in each region from its
renderer, without sessions, the CMS, the URL resolver or the page's own
template. A renderer returns None for what only the view can answer (an
unknown filter, a page out of range); the request then takes the full path.

The contract: the shell and the renderers give the page the view gives, to
the byte. Nothing outside a region may depend on the query string, and a
region's template must not add to sekizai blocks what depends on it.
tests/portal/test_regions.py compares the two for every list that has one.

The language links keep the query string: that is the region "query",
which every page shares; a shell is kept only where a page has a region of
its own besides it.

A region registered as private shows what no shared cache may keep (the
site search's results, each of which the editors' statistics count): its
view marks the page private, and so does a page filled with it. The shell
around it is kept all the same, for it leaves the private region out.
"""

import secrets

from cms.utils import apphook_reload
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.encoding import iri_to_uri
from django.utils.html import escape
from django.utils.translation import override

from . import cache as portal_cache

SHELL_KEY = "portal:shell:v1:{url}"
QUERY = "query"
# Marks a region in a full render; the random part is the process's own, so
# no text on the page can pose as a mark.
_TOKEN = secrets.token_hex(8)
START = f"<!--region:{_TOKEN}:"
START_END = "-->"
END = f"<!--/region:{_TOKEN}-->"

_renderers = {}
_private = set()


def register(name, renderer, private=False):
    """``renderer(request)`` gives the region's HTML for a visitor's GET
    request in the active language, or None to leave it to the view."""
    _renderers[name] = renderer
    if private:
        _private.add(name)


def has_private_region(shell):
    *_, names = shell
    return not _private.isdisjoint(names)


def template_renderer(template_name, list_context):
    """A renderer of the template with the context a list's view shows:
    ``list_context(request)`` gives (context, whether the filters are
    valid) or raises Http404 for a page out of range. Invalid filters and
    Http404 are left to the view, which answers them."""

    def render(request):
        try:
            context, valid = list_context(request)
        except Http404:
            return None
        return render_to_string(template_name, context, request) if valid else None

    return render


def render_query(request):
    """The query string as the language links carry it (Django's
    ``get_full_path()``)."""
    query = request.META.get("QUERY_STRING", "")
    return escape("?" + iri_to_uri(query)) if query else ""


register(QUERY, render_query)


def marks(request):
    """Whether regions mark themselves in this render (see ``cut``)."""
    return getattr(request, "marks_regions", False)


def marked(name, html):
    return f"{START}{name}{START_END}{html}{END}"


def shell_key(request):
    url = f"{request.scheme}://{request.get_host()}{request.path}"
    return SHELL_KEY.format(url=portal_cache.digest(url))


def cut(response):
    """Removes the region marks from a full render and returns its shell:
    the parts around the regions, the regions' names, the headers. None
    where the page has no region of its own."""
    if response.streaming or START.encode() not in response.content:
        return None
    pieces = response.content.decode().split(START)
    parts, names, content = [pieces[0]], [], [pieces[0]]
    for piece in pieces[1:]:
        name, _, rest = piece.partition(START_END)
        region, _, after = rest.partition(END)
        names.append(name)
        parts.append(after)
        content += [region, after]
    response.content = "".join(content)
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    if set(names) <= {QUERY}:
        return None
    return (
        response["Content-Language"],
        apphook_reload.get_local_revision(),
        response.status_code,
        list(response.items()),
        parts,
        names,
    )


def fill(shell, request):
    """The page from its shell with the regions rendered for this request;
    None where a renderer leaves it to the view, or where this process's
    URLs are older than those the shell was rendered with."""
    language, revision, status, headers, parts, names = shell
    if revision != apphook_reload.get_local_revision():
        return None
    request.user = AnonymousUser()
    request.LANGUAGE_CODE = language
    rendered = {}
    with override(language):
        for name in dict.fromkeys(names):
            renderer = _renderers.get(name)
            html = renderer(request) if renderer else None
            if html is None:
                return None
            rendered[name] = html
    body = [parts[0]]
    for name, part in zip(names, parts[1:], strict=True):
        body += [rendered[name], part]
    response = HttpResponse("".join(body), status=status)
    for name, value in headers:
        response[name] = value
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    if has_private_region(shell):
        patch_cache_control(response, private=True)
    return response
