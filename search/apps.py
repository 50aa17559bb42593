from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self):
        from cluster_portal import regions

        from . import signals
        from .views import render_results, render_title

        signals.connect()
        regions.register("search:title", render_title)
        regions.register("search:results", render_results, private=True)
