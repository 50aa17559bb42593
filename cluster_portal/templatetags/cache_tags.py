"""Fragment caching under the content versions (cluster_portal/cache.py).

``{% fragment_versions "pages" "directory" as versions %}`` gives a string to
pass to Django's ``{% cache %}`` tag, so a fragment is rendered again exactly
when the content it shows has changed. Logged-in users get fragments of
their own per toolbar mode: editors see drafts in menus.
"""

from django import template

from cluster_portal import cache as portal_cache

register = template.Library()


@register.simple_tag(takes_context=True)
def fragment_versions(context, *kinds):
    versions = portal_cache.versions(*kinds)
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return versions
    toolbar = getattr(request, "toolbar", None)
    modes = (toolbar.edit_mode_active, toolbar.preview_mode_active) if toolbar else ()
    return f"{versions}:user-{user.pk}:{modes}"
