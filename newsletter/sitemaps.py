from cluster_portal.sitemaps import TranslatedObjectSitemap

from .models import Issue, NewsItem


class IssueSitemap(TranslatedObjectSitemap):
    """The web pages of the published CKnews issues."""

    changefreq = "yearly"

    def items(self):
        return Issue.objects.for_archive()

    def lastmod(self, item):
        return item.updated_at


class NewsSitemap(TranslatedObjectSitemap):
    """The visible news items."""

    changefreq = "monthly"

    def items(self):
        return NewsItem.objects.visible()

    def lastmod(self, item):
        return item.updated_at
