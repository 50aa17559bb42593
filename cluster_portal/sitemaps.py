from collections import defaultdict

from cms.sitemaps import CMSSitemap


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
