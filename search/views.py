from urllib.parse import urlencode

from django.core.paginator import InvalidPage
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.html import escape
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe

from cluster_portal import regions

from .forms import SearchForm
from .services import record_search, search

# The search's form and results: a region of the page, as is its title
# (cluster_portal/regions.py).
RESULTS_TEMPLATE = "search/includes/results.html"


@require_safe
def search_results(request):
    """The results page. It reads nothing of the session or user; still, a
    search is never answered from the shared page cache, so that the
    editors' statistics count every search that was made."""
    # No CMS page hangs over the search: spares django CMS looking for one.
    request.current_page = None
    context, searched = results_context(request)
    response = render(request, "search/results.html", context)
    if searched:
        patch_cache_control(response, private=True)
    return response


def results_context(request):
    """The search the query string asks for, counted for the editors'
    statistics, and whether it ran: not for a form error, which the page
    shows. Http404 for a page of results that does not exist."""
    form = SearchForm(request.GET)
    context = {"form": form, "outcome": None, "title": page_title(form)}
    if not form.is_valid():
        return context, False
    query, kind = form.cleaned_data["q"], form.cleaned_data["kind"]
    try:
        outcome = search(query, get_language(), kind, request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(gettext("There is no such page of results.")) from error
    if outcome.words and request.GET.get("page") in (None, "", "1") and not kind:
        record_search(query, get_language(), found=bool(outcome.total))
    context |= {
        "outcome": outcome,
        "query": query,
        "kind": kind,
        "links": links(query, kind, outcome),
    }
    return context, True


def page_title(form):
    query = form.cleaned_data["q"] if form.is_valid() else ""
    if query:
        return gettext("Search for “%(query)s”") % {"query": query}
    return gettext("Site search")


def render_title(request):
    return escape(page_title(SearchForm(request.GET)))


# The results alone, for a visitor's miss; a form error is left to the view,
# whose page is not private and may be shared.
render_results = regions.template_renderer(RESULTS_TEMPLATE, results_context)


def links(query, kind, outcome):
    """The URLs of the facets and of the neighbouring pages."""
    base = reverse("search:results")

    def url(**params):
        params = {name: value for name, value in params.items() if value}
        return f"{base}?{urlencode(params)}"

    page = outcome.page
    return {
        "all": url(q=query),
        "facets": [(facet, url(q=query, kind=facet.kind)) for facet in outcome.facets],
        "previous": url(q=query, kind=kind, page=page.previous_page_number())
        if page and page.has_previous()
        else "",
        "next": url(q=query, kind=kind, page=page.next_page_number())
        if page and page.has_next()
        else "",
        "suggestion": url(q=outcome.suggestion) if outcome.suggestion else "",
    }


@require_safe
def opensearch(request):
    return render(
        request,
        "search/opensearch.xml",
        {
            "search_url": request.build_absolute_uri(reverse("search:results")),
            "name": gettext("Cluster portal"),
            "description": gettext(
                "Search the portal of the Cluster Chemistry/Plastics Central Germany"
            ),
        },
        content_type="application/opensearchdescription+xml",
    )
