from cluster_portal import cache as portal_cache


def directory_version():
    """Changes whenever the directory does; names the current PDF brochure."""
    return portal_cache.versions("directory")
