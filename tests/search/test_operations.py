"""The rebuild command, the editors' statistics, opensearch.xml and the
text extraction of Office files."""

import io
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from search.extraction import extract_text
from search.models import SearchEntry
from tests.newsletter.factories import NewsItemFactory

from .conftest import search_url

pytestmark = pytest.mark.django_db


def test_rebuilding_restores_a_lost_index_with_a_progress_line(find):
    NewsItemFactory(title_de="Meldung Thulium")
    SearchEntry.objects.all().delete()
    assert find("Thulium") == []

    out = StringIO()
    call_command("rebuild_search_index", stdout=out)

    assert "\rIndexed " in out.getvalue()
    assert "Search index rebuilt" in out.getvalue()
    assert find("Thulium") == ["Meldung Thulium"]
    assert find("Selbstverständnis")  # the CMS pages are back too


def test_rebuilding_drops_entries_of_objects_that_are_gone(find):
    item = NewsItemFactory(title_de="Meldung Europium")
    # An entry left behind, as a crash between deleting and unindexing would.
    stale = SearchEntry.objects.get(object_id=item.pk, kind="news", language="de")
    stale.pk, stale.object_id, stale.title = None, item.pk + 10_000, "Alte Europium"
    stale.save()
    assert sorted(find("Europium")) == ["Alte Europium", "Meldung Europium"]

    call_command("rebuild_search_index", stdout=StringIO())

    assert find("Europium") == ["Meldung Europium"]


def test_editors_see_top_and_fruitless_searches_of_90_days(client, admin_client):
    NewsItemFactory(title_de="Meldung Holmium")
    for _ in range(3):
        client.get(search_url("de"), {"q": "Holmium"})
    client.get(search_url("de"), {"q": "Unobtainium"})
    client.get(search_url("de"), {"q": "Holmium", "page": 1, "kind": "news"})

    page = admin_client.get("/de/admin/search/searchquerylog/").content.decode()

    top, missed = page.split("Suchanfragen ohne Ergebnis", 1)
    assert "<td>holmium</td><td>3</td>" in top
    assert "<td>unobtainium</td><td>1</td>" in missed
    assert "holmium" not in missed


def test_the_opensearch_description_points_at_the_results_page(client):
    response = client.get("/en/opensearch.xml")

    assert response["Content-Type"] == "application/opensearchdescription+xml"
    assert 'template="http://testserver/en/search/?q={searchTerms}"' in (
        response.content.decode()
    )
    assert 'rel="search"' in client.get("/en/", follow=True).content.decode()


def office_file(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
    buffer.seek(0)
    return buffer


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize(
    ("extension", "parts"),
    [
        (
            "docx",
            {"word/document.xml": f"<w:document {W}><w:t>Wordwort</w:t></w:document>"},
        ),
        ("xlsx", {"xl/sharedStrings.xml": "<sst><si><t>Wordwort</t></si></sst>"}),
        (
            "pptx",
            {
                "ppt/slides/slide1.xml": (
                    "<p:sld xmlns:p='x' xmlns:a='y'><a:t>Wordwort</a:t></p:sld>"
                )
            },
        ),
    ],
)
def test_office_files_give_their_text(extension, parts):
    assert extract_text(office_file(parts), extension) == "Wordwort"


def test_a_damaged_file_gives_no_text():
    assert extract_text(io.BytesIO(b"not a zip"), "docx") == ""
    assert extract_text(io.BytesIO(b"%PDF-broken"), "pdf") == ""


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a setting of PostgreSQL's planner"
)
def test_the_planner_knows_the_index_is_in_memory():
    # With the default of 4 it would check every row's vector, not the index.
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
