from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info, override

register = template.Library()


@dataclass(frozen=True)
class Translation:
    """One language version of the page being shown."""

    code: str
    name: str
    url: str | None  # None when the page does not exist in this language
    home_url: str
    is_current: bool


@register.simple_tag(takes_context=True)
def page_translations(context):
    """The current page in every site language, for hreflang and the switcher.

    A CMS page links only to the languages in which it is published; any other
    view (an error page, say) links to the other language's homepage. Below an
    app's page (an organisation in the Clusteratlas, say) the same view is
    linked in the other language, query string included.
    """
    request = context.get("request")
    page = getattr(request, "current_page", None) if request else None
    published = set(page.get_languages(admin_manager=False)) if page else set()
    current = get_language()
    translations = []
    for code, _name in settings.LANGUAGES:
        with override(code):
            home_url = reverse("pages-root")
        url = None
        if code in published:
            url = page.get_absolute_url(code, fallback=False)
            if page.application_urls and request.path != url:
                url = translate_url(request.get_full_path(), code)
        translations.append(
            Translation(
                code=code,
                name=get_language_info(code)["name_local"],
                url=url,
                home_url=home_url,
                is_current=code == current,
            )
        )
    return translations
