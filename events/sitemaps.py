from django.contrib.sitemaps import Sitemap

from .models import Event


class EventSitemap(Sitemap):
    """Every event visitors can see, upcoming and past, in both languages."""

    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("start", "pk")

    def location(self, event):
        return event.get_absolute_url()

    def lastmod(self, event):
        return event.updated
