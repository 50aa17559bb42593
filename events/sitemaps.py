from cluster_portal.sitemaps import TranslatedObjectSitemap

from .models import Event, EventDocument


class EventSitemap(TranslatedObjectSitemap):
    """Every event visitors can see, upcoming and past."""

    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("start", "pk")

    def lastmod(self, event):
        return event.updated


class EventDocumentSitemap(TranslatedObjectSitemap):
    """The pages of the CKreihe's documents (members-only ones too: their
    pages are public, only their files are not)."""

    changefreq = "monthly"

    def items(self):
        return EventDocument.objects.order_by("number")

    def lastmod(self, document):
        return document.updated
