from django.contrib.sitemaps import Sitemap

from .models import Issue, NewsItem


class IssueSitemap(Sitemap):
    """The web pages of the published CKnews issues, in both languages."""

    i18n = True
    alternates = True
    changefreq = "yearly"

    def items(self):
        return Issue.objects.for_archive()

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at


class NewsSitemap(Sitemap):
    """The visible news items, in both languages."""

    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self):
        return NewsItem.objects.visible()

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at
