from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import post_migrate, post_save


def sync_site(using, **kwargs):
    """Keep the Site record on the domain the portal is served under.

    Sitemaps and django CMS build absolute links from it.
    """
    from django.contrib.sites.models import Site

    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME},
    )


class ClusterPortalConfig(AppConfig):
    """The project package as an app, for its templatetags and commands."""

    name = "cluster_portal"
    verbose_name = "Cluster portal"

    def ready(self):
        from cms.models import Page, PageContent, PageUrl, Placeholder, UrlconfRevision
        from djangocms_versioning.signals import post_version_operation

        from . import (
            apphook_reload,
            checks,  # noqa: F401 (registers the deployment checks)
        )
        from . import cache as portal_cache

        # After the sites app has created its default record.
        post_migrate.connect(sync_site, sender=apps.get_app_config("sites"))
        # Publishing, unpublishing and the page tree (menus, slugs, titles).
        portal_cache.watch("pages", Page, PageContent, PageUrl, Placeholder)
        post_version_operation.connect(
            lambda **kwargs: portal_cache.bump("pages"), weak=False
        )
        # A new URL revision (an apphook changed): see apphook_reload.py.
        post_save.connect(apphook_reload.revision_saved, sender=UrlconfRevision)
