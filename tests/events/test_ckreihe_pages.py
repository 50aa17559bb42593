import datetime
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import EventDocument
from tests.events.ckreihe import make_member
from tests.events.factories import EventDocumentFactory, EventFactory
from tests.queries import cold_query_count

pytestmark = pytest.mark.django_db

MEMBERS = EventDocument.Visibility.MEMBERS


@pytest.fixture
def no_documents(db):
    EventDocument.objects.all().delete()


def list_url(language="de"):
    with translation.override(language):
        return reverse("ckreihe:document-list")


def test_the_series_lists_documents_newest_first_grouped_by_year_and_event(
    client, no_documents
):
    event = EventFactory(
        title_de="Herbsttagung",
        start=datetime.datetime(2023, 10, 5, 9, tzinfo=datetime.UTC),
        end=datetime.datetime(2023, 10, 5, 17, tzinfo=datetime.UTC),
    )
    EventDocumentFactory(
        number=3, title_de="Alt", publication_date=datetime.date(2023, 11, 1)
    )
    EventDocumentFactory(
        number=5,
        title_de="Folien",
        event=event,
        publication_date=datetime.date(2023, 10, 20),
    )
    EventDocumentFactory(
        number=9, title_de="Neu", publication_date=datetime.date(2024, 3, 1)
    )
    response = client.get(list_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("2024") < html.index("2023")
    assert html.index("Neu") < html.index("Herbsttagung") < html.index("Folien")
    assert "CKreihe Nr. 9" in html
    assert "3 Dokumente" in html


def test_the_series_in_english(client, no_documents):
    EventDocumentFactory(number=4, title_en="Minutes of the board")
    response = client.get(list_url("en"))
    assert response.status_code == 200
    assert "Minutes of the board" in response.content.decode()
    assert "CKreihe No. 4" in response.content.decode()


def test_members_only_documents_show_a_lock_and_a_login_link_back_to_them(
    client, no_documents
):
    document = EventDocumentFactory(number=8, visibility=MEMBERS)
    html = client.get(list_url()).content.decode()
    login = f"{reverse('login')}?next={quote(document.get_absolute_url())}"
    assert "Nur für Mitglieder" in html
    assert f'href="{login}"' in html
    assert document.get_download_url() not in html


def test_members_see_download_links_for_members_only_documents(
    client, no_documents, django_user_model
):
    document = EventDocumentFactory(number=8, visibility=MEMBERS)
    client.force_login(make_member(django_user_model))
    html = client.get(list_url()).content.decode()
    assert document.get_download_url() in html


def test_filters_by_kind_year_and_search(client, no_documents):
    EventDocumentFactory(
        number=1,
        kind="talk",
        title_de="Wasserstoff",
        title_en="Hydrogen",
        publication_date=datetime.date(2022, 5, 1),
    )
    EventDocumentFactory(
        number=2,
        kind="minutes",
        title_de="Recycling",
        title_en="Recycling",
        publication_date=datetime.date(2024, 5, 1),
    )

    def titles(params):
        response = client.get(list_url(), params)
        assert response.status_code == 200
        return [d.title for d in response.context["documents"]]

    assert titles({"kind": "talk"}) == ["Wasserstoff"]
    assert titles({"year": "2024"}) == ["Recycling"]
    assert titles({"q": "recyc"}) == ["Recycling"]
    assert titles({"q": "1"}) == ["Wasserstoff"]
    assert titles({"q": "nichts"}) == []


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "geheim"},
        {"year": "1800"},
        {"year": "abc"},
        {"page": "99"},
        {"page": "x"},
    ],
)
def test_unknown_filters_and_pages_are_404(client, params):
    assert client.get(list_url(), params).status_code == 404


def test_an_unknown_filter_explains_itself_in_english(client):
    response = client.get(list_url("en"), {"kind": "secret"})
    assert response.status_code == 404
    assert "This filter is unknown" in response.content.decode()


def test_the_detail_page_of_a_members_only_document(client, django_user_model):
    translation.activate("de")
    document = EventDocumentFactory(
        number=77, visibility=MEMBERS, title_de="Geheimprotokoll"
    )
    response = client.get(document.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Geheimprotokoll</h1>" in html
    assert "Anmelden zum Herunterladen" in html
    assert document.get_download_url() not in html
    client.force_login(make_member(django_user_model))
    html = client.get(document.get_absolute_url()).content.decode()
    assert document.get_download_url() in html


@pytest.mark.parametrize("path", ["99999/", "abc/", "-3/"])
def test_unknown_documents_are_404(client, path):
    assert client.get(list_url() + path).status_code == 404


def test_an_event_page_lists_its_documents(client):
    event = EventFactory()
    EventDocumentFactory(number=61, event=event, title_de="Vortragsfolien")
    EventDocumentFactory(
        number=62, event=event, title_de="Protokoll", visibility=MEMBERS
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Dokumente in der CKreihe" in html
    assert "Vortragsfolien" in html and "Protokoll" in html
    assert "Anmelden zum Herunterladen" in html


def test_an_event_without_documents_shows_no_section(client):
    event = EventFactory()
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Dokumente in der CKreihe" not in html


def make_documents(count, event):
    EventDocument.objects.bulk_create(
        EventDocument(
            number=5000 + n,
            title=f"Dokument {n}",
            title_de=f"Dokument {n}",
            title_en=f"Document {n}",
            event=event if n % 2 else None,
            kind="talk",
            file=f"ckreihe/{n}.pdf",
            original_name=f"{n}.pdf",
            content_type="application/pdf",
            size=1000,
            publication_date=datetime.date(2000 + n % 20, 1, 1),
            visibility=MEMBERS if n % 3 else "public",
        )
        for n in range(count)
    )


def test_the_series_list_takes_constant_queries(
    client, no_documents, django_assert_max_num_queries
):
    event = EventFactory()
    make_documents(3, event)
    few = cold_query_count(client, list_url(), django_assert_max_num_queries)
    EventDocument.objects.all().delete()
    make_documents(2000, event)
    many = cold_query_count(client, list_url(), django_assert_max_num_queries)
    assert many == few


def test_the_sitemap_lists_document_pages_in_both_languages(client):
    document = EventDocumentFactory(number=4711)
    response = client.get("/sitemap-ckreihe.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    with translation.override("de"):
        german = document.get_absolute_url()
    with translation.override("en"):
        english = document.get_absolute_url()
    assert german in xml and english in xml


def test_a_member_after_a_visitor_gets_download_links_not_a_cached_page(
    client, django_user_model
):
    document = EventDocumentFactory(number=4712, visibility=MEMBERS)
    url = list_url()
    assert document.get_download_url() not in client.get(url).content.decode()
    client.force_login(make_member(django_user_model))
    assert document.get_download_url() in client.get(url).content.decode()
