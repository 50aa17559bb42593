"""django CMS's URLs follow the apphooks editors attach to pages: when one
changes, django CMS saves a new URL revision, and its middleware compares
this process's revision with the database's on every request, a query on
every page the cache does not answer. This middleware compares them only
when the pages' content version has changed since it last did: saving the
revision bumps that version (apps.py), on every host at once.
"""

from cms.utils import apphook_reload

from . import cache as portal_cache


class ApphookReloadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.checked_under = None

    def __call__(self, request):
        pages = portal_cache.versions("pages")
        # "None": the shared cache is unreachable and no version is known.
        if pages != self.checked_under or pages == "None":
            apphook_reload.ensure_urlconf_is_up_to_date()
            self.checked_under = pages
        return self.get_response(request)


def revision_saved(created, **kwargs):
    """Connected to the revision's post_save. Every process reads the first
    revision when it starts; a later one must reach them all."""
    if not created:
        portal_cache.bump("pages")
