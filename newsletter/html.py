"""Rich text of articles and news items: only markup the site can style."""

import nh3
from django.db import models

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "a",
    "ul", "ol", "li", "blockquote", "figure", "figcaption", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(html):
    """The HTML with every tag, attribute and link scheme not on the
    allow-lists removed; scripts, styles and event handlers never survive."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


class SanitizedHTMLField(models.TextField):
    """A text column that only ever stores sanitised HTML, however it is
    written: admin form, shell, demo command or a migration."""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return value if value is None else sanitize_html(value)
