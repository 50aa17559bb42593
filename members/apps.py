from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Cluster atlas")

    def ready(self):
        from cluster_portal import cache as portal_cache
        from cluster_portal import regions

        from .models import OpenDataSettings, Organization, Person, Sector
        from .views import render_directory

        # Approved member changes and imports save organisations, too; the
        # open data's licence shows on the directory's pages.
        portal_cache.watch("directory", Organization, Person, Sector, OpenDataSettings)
        regions.register("members:directory", render_directory)
