from collections import defaultdict

from cms.sitemaps import CMSSitemap
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse

from .public_urls import public_site, public_url


class PageSitemap(CMSSitemap):
    """The published CMS pages, each linked to its other-language twins.

    django CMS lists one entry per page and language; this adds the
    ``hreflang`` alternates for the languages in which the page is published,
    and only for those.
    """

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        twins_by_page = defaultdict(list)
        for url in urls:
            twins_by_page[url["item"].page_id].append(url)
        for twins in twins_by_page.values():
            alternates = [
                {"location": twin["location"], "lang_code": twin["item"].language}
                for twin in twins
            ]
            for twin in twins:
                twin["alternates"] = alternates
        return urls


class TranslatedObjectSitemap(Sitemap):
    """An app's objects, each in the languages it is written in, with the
    others as alternates. The objects are ``TranslatedObject``s."""

    i18n = True
    alternates = True

    def get_languages_for_item(self, item):
        return item.translated_languages()

    def location(self, item):
        return item.get_absolute_url()


# Django's sitemap views name the Site record's domain; these name the host
# that ``public_domain`` chooses.


@x_robots_tag
def sitemap_index(request, sitemaps):
    items = []
    for section, sitemap_class in sitemaps.items():
        location = public_url(request, reverse("sitemap", args=[section]))
        sitemap_of_section = sitemap_class()
        lastmod = sitemap_of_section.get_latest_lastmod()
        items.append(SitemapIndexItem(location, lastmod))
        for page in range(2, sitemap_of_section.paginator.num_pages + 1):
            items.append(SitemapIndexItem(f"{location}?p={page}", lastmod))
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": items},
        content_type="application/xml",
    )


@x_robots_tag
def sitemap(request, sitemaps, section):
    if section not in sitemaps:
        raise Http404("No such sitemap section.")
    try:
        urls = sitemaps[section]().get_urls(
            page=request.GET.get("p", 1),
            site=public_site(request),
            protocol=request.scheme,
        )
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such sitemap page.") from error
    return TemplateResponse(
        request, "sitemap.xml", {"urlset": urls}, content_type="application/xml"
    )
