"""Words of a query and of indexed text, spelled so that German matches."""

import html
import re

from django.utils.html import strip_tags

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
WORD = re.compile(r"[^\W_]+")
# Markers around highlighted words; the snippet is escaped before they become
# <mark> elements, so text from the index can never inject markup.
MARK_START, MARK_END = "\u27e6", "\u27e7"

FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
UNFOLD = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


def terms(query):
    """The words of a query, lower-cased, without operators or punctuation."""
    words = [word.lower() for word in WORD.findall(query)]
    return list(dict.fromkeys(words))[:MAX_TERMS]


def fold(word):
    """The word as written without umlauts and ß: "Größe" → "groesse"."""
    return word.lower().translate(FOLD)


def variants(word):
    """The spellings a word may have in the text: as typed, transliterated
    ("Müller" → "mueller") and with umlauts restored ("Mueller" → "müller")."""
    spellings = [word, fold(word)]
    unfolded = word
    for plain, umlaut in UNFOLD:
        unfolded = unfolded.replace(plain, umlaut)
    spellings.append(unfolded)
    return list(dict.fromkeys(spellings))


def normalized(text):
    """A name or query in one spelling, for exact-match comparison."""
    return " ".join(fold(word) for word in WORD.findall(text))


def keys(*names):
    """The exact-match keys of an entry: "|name|short name|"."""
    values = [normalized(name) for name in names if name and normalized(name)]
    return "|" + "|".join(dict.fromkeys(values)) + "|" if values else ""


def plain_text(markup):
    """Visible text of HTML, with the entities resolved and blanks collapsed."""
    text = html.unescape(strip_tags(re.sub(r"<(br|/p|/h\d|/li)\b", r" \g<0>", markup)))
    return " ".join(text.split())


def highlighted(snippet):
    """Escape a snippet and turn the markers into <mark> elements."""
    escaped = html.escape(snippet)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
