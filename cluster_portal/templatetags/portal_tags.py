from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.encoding import escape_uri_path
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, override

from cluster_portal.public_urls import public_url

register = template.Library()


@dataclass(frozen=True)
class Translation:
    """One language version of the page being shown."""

    code: str
    name: str
    url: str | None  # where the switcher leads; None: nowhere but home
    home_url: str
    is_current: bool
    exists: bool  # the page is written in this language
    keeps_query: bool  # the link takes the query string along ({% query_region %})


def object_urls(obj, languages):
    """An app object's page in each language, and whether it is written in it."""
    written = set(obj.translated_languages())
    for code in languages:
        with override(code):
            yield code, obj.get_absolute_url(), code in written, False


def view_urls(request, page, languages):
    """The view being shown in each language: a CMS page where it is
    published, an app's or the site's own view where its URL translates
    (with the query string, so a filtered list stays filtered)."""
    published = page.get_languages(admin_manager=False) if page else languages
    path = escape_uri_path(request.path)
    for code in languages:
        url, keeps_query = None, False
        if code in published:
            if page and not page.application_urls:
                url = page.get_absolute_url(code, fallback=False)
            else:
                url, keeps_query = translate_url(path, code), True
                if url == path and code != get_language():
                    url, keeps_query = None, False
        yield code, url, url is not None, keeps_query


@register.simple_tag(takes_context=True)
def page_translations(context):
    """The current page in every site language, for hreflang and the switcher.

    A view that shows one app object (an organisation, an event …) names it
    as ``translated_object``; its page exists in the languages it is written
    in. A CMS page exists in the languages it is published in; any other
    view where its URL translates. The switcher leads to the homepage where
    there is no page in that language.
    """
    request = context["request"]
    languages = settings.LANGUAGE_CODES
    obj = context.get("translated_object")
    if obj is not None:
        urls = object_urls(obj, languages)
    elif "request_path" in context:
        # Django's 404 view: the page exists in no language.
        urls = ((code, None, False, False) for code in languages)
    else:
        urls = view_urls(request, getattr(request, "current_page", None), languages)
    current = get_language()
    translations = []
    for code, url, exists, keeps_query in urls:
        with override(code):
            home_url = reverse("pages-root")
        translations.append(
            Translation(
                code=code,
                name=get_language_info(code)["name_local"],
                url=url,
                home_url=home_url,
                is_current=code == current,
                exists=exists,
                keeps_query=keeps_query,
            )
        )
    return translations


@register.simple_tag(takes_context=True)
def untranslated_text_language(context):
    """The one language the page's ``translated_object`` is written in, where
    that is not the page's language (the English page of an entry written in
    German only shows the German text); None for any other page."""
    obj = context.get("translated_object")
    if obj is None:
        return None
    written = obj.translated_languages()
    if not written or get_language() in written:
        return None
    return written[0]


@register.simple_tag
def fallback_lang(obj, field):
    """`` lang="de"`` where the object's field shows the German fallback text
    on a page in another language, so that assistive technology reads it as
    German (WCAG 3.1.2); nothing where the text is in the page's language."""
    current = get_language()
    fallback = settings.LANGUAGE_CODE
    if current == fallback or getattr(obj, f"{field}_{current}", None):
        return ""
    if not getattr(obj, f"{field}_{fallback}", None):
        return ""
    return format_html(' lang="{}"', fallback)


@register.simple_tag(takes_context=True)
def canonical_url(context, translations):
    """The page's own full URL, without query string; None for a page in a
    language its object is not written in (it shows another's text)."""
    if all(t.exists for t in translations if t.is_current):
        return public_url(context["request"], context["request"].path)
    return None


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """The path as a full URL on the portal's public host."""
    return public_url(context["request"], path)


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # What the nodes rendered is escaped already.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """``{% capture name %}…{% endcapture %}`` renders its content into a
    variable, so that a block (the page's title, say) can be used twice."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("capture takes one variable name")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])
