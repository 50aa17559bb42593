import ast
import re
from pathlib import Path

import pytest
from django.utils import translation

PROJECT_DIR = Path(__file__).resolve().parents[2]
# The project's catalogue and each app's own.
CATALOGUES = sorted(
    path.relative_to(PROJECT_DIR)
    for pattern in (
        "locale/*/LC_MESSAGES/django.po",
        "*/locale/*/LC_MESSAGES/django.po",
    )
    for path in PROJECT_DIR.glob(pattern)
    if ".venv" not in path.parts
)
ENTRY = re.compile(
    r'^(?:msgctxt (".*")\n)?msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.MULTILINE
)


def unquote(quoted_lines):
    return "".join(ast.literal_eval(line) for line in quoted_lines.splitlines())


def catalogue(po_path):
    """The msgid/msgstr pairs of a .po file, the header left out."""
    text = (PROJECT_DIR / po_path).read_text()
    pairs = {
        (unquote(context) if context else None, unquote(msgid)): unquote(msgstr)
        for context, msgid, msgstr in ENTRY.findall(text)
    }
    pairs.pop((None, ""), None)
    return pairs


def translated(context, msgid):
    if context is None:
        return translation.gettext(msgid)
    return translation.pgettext(context, msgid)


def language_of(po_path):
    return po_path.parts[-3]


def test_there_are_catalogues_for_both_languages():
    assert {language_of(path) for path in CATALOGUES} == {"de", "en"}


@pytest.mark.parametrize(
    "po_path", [path for path in CATALOGUES if language_of(path) == "de"], ids=str
)
def test_every_german_message_is_translated(po_path):
    untranslated = [key for key, msgstr in catalogue(po_path).items() if not msgstr]

    assert untranslated == []


@pytest.mark.parametrize("po_path", CATALOGUES, ids=str)
def test_compiled_catalogues_match_their_sources(po_path):
    with translation.override(language_of(po_path)):
        stale = {
            msgid: msgstr
            for (context, msgid), msgstr in catalogue(po_path).items()
            if msgstr and translated(context, msgid) != msgstr
        }

    assert stale == {}
