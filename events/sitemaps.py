from django.contrib.sitemaps import Sitemap

from .models import Event, EventDocument


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


class EventDocumentSitemap(Sitemap):
    """The pages of the CKreihe's documents (members-only ones too: their
    pages are public, only their files are not)."""

    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self):
        return EventDocument.objects.order_by("number")

    def location(self, document):
        return document.get_absolute_url()

    def lastmod(self, document):
        return document.updated
