from uuid import uuid4

from django.core.cache import cache

from cluster_portal.cache import invalidate_plugin_content

DIRECTORY_PLUGINS = (
    "SpeakersPlugin",
    "ManagementContactPlugin",
    "OrganizationTeaserPlugin",
)
# Changes whenever the directory does; names the current PDF brochure.
DIRECTORY_VERSION_KEY = "clusteratlas:version"


def directory_version():
    return cache.get_or_set(DIRECTORY_VERSION_KEY, uuid4().hex, timeout=None)


def directory_changed(action=None, **kwargs):
    """Pages showing directory data (plugins, the footer) and the PDF brochure
    change at once."""
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed also sends pre_add, pre_remove and pre_clear.
    cache.set(DIRECTORY_VERSION_KEY, uuid4().hex, timeout=None)
    invalidate_plugin_content(*DIRECTORY_PLUGINS)
