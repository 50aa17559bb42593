from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Event calendar")

    def ready(self):
        from cluster_portal import regions

        from . import signals  # noqa: F401
        from .document_views import render_documents
        from .views import render_upcoming

        regions.register("events:upcoming", render_upcoming)
        regions.register("events:documents", render_documents)
