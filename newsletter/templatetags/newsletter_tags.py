import html
import re

from django import template

register = template.Library()

BLOCK_END = re.compile(r"</(p|h[2-4]|li|blockquote|figure|figcaption)>|<br\s*/?>", re.I)
LIST_ITEM = re.compile(r"<li[^>]*>", re.I)
LINK = re.compile(r'<a\s[^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.I | re.S)
TAG = re.compile(r"<[^>]+>")


@register.filter
def html_to_text(value):
    """Readable plain text from the sanitised rich text of an article, for the
    plain-text part of a mail: paragraphs as blank lines, list items with a
    dash, link targets in brackets."""
    text = LINK.sub(lambda match: f"{match[2]} ({html.unescape(match[1])})", value)
    text = LIST_ITEM.sub("\n- ", text)
    text = BLOCK_END.sub("\n\n", text)
    text = html.unescape(TAG.sub("", text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
