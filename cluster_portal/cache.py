from cms.cache import invalidate_cms_page_cache
from cms.models import Placeholder
from django.conf import settings


def invalidate_plugin_content(*plugin_types):
    """Forget cached pages and the cached placeholders showing these plugins.

    django CMS caches what plugins render; when the app data they show changes
    (an event, a speaker, a news item), visitors must see the change at once.
    """
    placeholders = Placeholder.objects.filter(
        cmsplugin__plugin_type__in=plugin_types
    ).distinct()
    for placeholder in placeholders:
        for language in settings.LANGUAGE_CODES:
            placeholder.clear_cache(language)
    invalidate_cms_page_cache()
