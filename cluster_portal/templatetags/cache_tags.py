"""Fragment caching under the content versions (cluster_portal/cache.py).

``{% fragment_versions "pages" "directory" as versions %}`` gives a string to
pass to Django's ``{% cache %}`` tag, so a fragment is rendered again exactly
when the content it shows has changed. Logged-in users get fragments of
their own per toolbar mode: editors see drafts in menus.

``{% visitor_placeholder "content" %}`` is django CMS's ``{% placeholder %}``
for an app's page, whose list changes with every filter while the text
above it does not: visitors get the placeholder from the cache. For the
same reason ``{% cards objects "card.html" "name" as cards %}`` gives the
list's entries rendered by their card template, for visitors each from the
cache while nothing has changed.

``{% region "name" %}…{% endregion %}`` marks what a list page shows
differently for every query string, and ``{% query_region %}`` is the query
string the language links keep: see cluster_portal/regions.py.
"""

from cms.templatetags.cms_tags import Placeholder
from cms.utils.placeholder import restore_sekizai_context
from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from sekizai.helpers import Watcher

from cluster_portal import cache as portal_cache
from cluster_portal import regions

register = template.Library()

PLACEHOLDER_KEY = "portal:placeholder:{page}:{language}:{slot}"
CARD_KEY = "portal:card:{template}:{language}:{extra}:{pk}"


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


class VisitorPlaceholder(Placeholder):
    """Cached under all content versions, since a plugin may show any kind
    of content; with the CSS and JavaScript its plugins add to the page.
    Anyone with the toolbar gets the placeholder rendered afresh."""

    name = "visitor_placeholder"

    def render_tag(self, context, name, extra_bits, nodelist=None):
        request = context.get("request")
        page = getattr(request, "current_page", None)
        toolbar = getattr(request, "toolbar", None)
        if page is None or toolbar is None or toolbar.show_toolbar:
            return super().render_tag(context, name, extra_bits, nodelist)
        key = PLACEHOLDER_KEY.format(page=page.pk, language=get_language(), slot=name)
        current, kept = portal_cache.kept_values([key])
        if key in kept:
            content, sekizai_changes = kept[key]
            restore_sekizai_context(context, sekizai_changes)
            return mark_safe(content)
        watcher = Watcher(context)
        content = super().render_tag(context, name, extra_bits, nodelist)
        portal_cache.keep(current, {key: (str(content), watcher.get_changes())})
        return content


register.tag(VisitorPlaceholder)


@register.simple_tag(takes_context=True)
def cards(context, objects, template_name, name, source=None, **extra):
    """Each object rendered by the template as ``{% include %}`` would, with
    the object as ``name`` and the ``extra`` variables: all of them in one
    round trip to the cache (under all content versions, as a card may show
    any kind of content), the missing ones rendered and kept.

    With ``source``, a queryset, the objects need nothing but their ``pk``
    (rows of ``values_list("pk", named=True)``, which cost far less to read
    than whole objects): the ones to render are read from it in one query."""
    objects = list(objects)
    template = context.template.engine.get_template(template_name)

    def render_all(objs):
        if source is not None:
            found = source.in_bulk([obj.pk for obj in objs])
            objs = [found.get(obj.pk) for obj in objs]  # None: deleted meanwhile
        return [render(obj) if obj is not None else "" for obj in objs]

    def render(obj):
        with context.push(**{name: obj}, **extra):
            return template.render(context)

    user = getattr(context.get("request"), "user", None)
    if user is None or user.is_authenticated:  # may see member-only actions
        return render_all(objects)
    variant = ",".join(f"{k}={v}" for k, v in sorted(extra.items()))
    keys = [
        CARD_KEY.format(
            template=template_name, language=get_language(), extra=variant, pk=obj.pk
        )
        for obj in objects
    ]
    current, rendered = portal_cache.kept_values(keys)
    missing = {
        key: obj for key, obj in zip(keys, objects, strict=True) if key not in rendered
    }
    if missing:
        fresh = zip(missing, render_all(list(missing.values())), strict=True)
        fresh = {key: str(html) for key, html in fresh}
        portal_cache.keep(current, fresh)
        rendered |= fresh
    return [mark_safe(rendered[key]) for key in keys]


class RegionNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        html = self.nodelist.render(context)
        if regions.marks(context.get("request")):
            return mark_safe(regions.marked(self.name, html))
        return html


@register.tag
def region(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "'\"" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("region takes one quoted name")
    nodelist = parser.parse(("endregion",))
    parser.delete_first_token()
    return RegionNode(nodelist, bits[1][1:-1])


@register.simple_tag(takes_context=True)
def query_region(context):
    request = context["request"]
    html = regions.render_query(request)
    if regions.marks(request):
        return mark_safe(regions.marked(regions.QUERY, html))
    return mark_safe(html)
