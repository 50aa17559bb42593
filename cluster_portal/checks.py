"""Deployment checks for what breaks when the site runs on several hosts or
workers."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.filebased.FileBasedCache",
)


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """django CMS invalidates its page, menu and plugin caches by bumping keys
    in the cache; a cache of one process (or host) never hears of an edit
    made through another, and keeps showing the old page."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend not in PER_PROCESS_CACHES:
        return []
    return [
        Warning(
            f"The cache ({backend.rsplit('.', 1)[-1]}) is not shared between "
            "processes: other gunicorn workers and hosts would keep serving "
            "pages from before an edit.",
            hint="Set CACHE_URL to the Redis that all hosts share.",
            id="cluster_portal.W001",
        )
    ]
