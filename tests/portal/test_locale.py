import ast
import re
from pathlib import Path

import pytest
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
ENTRY = re.compile(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.MULTILINE)


def unquote(quoted_lines):
    return "".join(ast.literal_eval(line) for line in quoted_lines.splitlines())


def catalogue(language):
    """The msgid/msgstr pairs of a .po file, the header left out."""
    text = (LOCALE_DIR / language / "LC_MESSAGES" / "django.po").read_text()
    pairs = {unquote(msgid): unquote(msgstr) for msgid, msgstr in ENTRY.findall(text)}
    pairs.pop("", None)
    return pairs


def test_every_german_message_is_translated():
    untranslated = [msgid for msgid, msgstr in catalogue("de").items() if not msgstr]

    assert untranslated == []


@pytest.mark.parametrize("language", ["de", "en"])
def test_compiled_catalogues_match_their_sources(language):
    with translation.override(language):
        stale = {
            msgid: msgstr
            for msgid, msgstr in catalogue(language).items()
            if msgstr and translation.gettext(msgid) != msgstr
        }

    assert stale == {}
