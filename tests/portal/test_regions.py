"""Visitors' misses on list pages answered from the page's shell
(cluster_portal/regions.py): the same page as the view's, to the byte."""

import pytest
from cms.utils import apphook_reload
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from cluster_portal import regions
from events.models import Category
from search.models import SearchQueryLog
from tests.events.factories import EventDocumentFactory, EventFactory
from tests.newsletter.factories import NewsItemFactory
from tests.portal.test_page_cache import app_url

pytestmark = pytest.mark.django_db

ATLAS_QUERIES = [
    "?q=Leuna",
    "?q=chemie&state=sachsen-anhalt&sort=-name",
    "?kind=unknown",  # a form error, shown on the page
    "?q=%C3%BCber+%22x%22&utm_source=<script>",  # escaped in the language links
    "?q=zzzz-nothing",
]


def miss(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [query["sql"] for query in queries]


def rendered_in_full(client, url):
    cache.clear()
    response, queries = miss(client, url)
    assert any("cms_" in sql for sql in queries), "not rendered by the view"
    return response


def filled_from_shell(client, url):
    cache.clear()
    client.get(url.split("?")[0])  # a full render keeps the shell
    response, queries = miss(client, url)
    assert not any("cms_" in sql for sql in queries), "not answered from the shell"
    return response


def assert_same_page(client, url):
    full = rendered_in_full(client, url)
    filled = filled_from_shell(client, url)

    assert filled.status_code == full.status_code == 200, url
    assert filled.content.decode() == full.content.decode(), url
    assert filled.headers == full.headers, url
    assert b"<!--region" not in full.content
    assert b"<!--region" not in filled.content


@pytest.mark.parametrize("query", ATLAS_QUERIES)
def test_a_filtered_atlas_from_the_shell_is_the_views_page(client, query):
    assert_same_page(client, app_url(client, "members:organization-list") + query)


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_filled_page_is_in_the_shells_language(client, language):
    client.get("/de/")  # loads the apphooks' URLs
    with translation.override(language):
        url = reverse("members:organization-list")

    assert_same_page(client, url + "?q=Leuna")
    assert client.get(url + "?q=Halle")["Content-Language"] == language


def test_the_calendar_from_the_shell_is_the_views_page(client):
    category = Category.objects.first()
    for query in ["?q=anything", f"?category={category.slug}", "?page=1"]:
        assert_same_page(client, app_url(client, "events:event-list") + query)


def test_the_ckreihe_from_the_shell_is_the_views_page(client):
    event = EventFactory()
    EventDocumentFactory(event=event, title_de="Jahresbericht Wasserstoff")
    EventDocumentFactory(title_de="Bericht für Mitglieder", visibility="members")
    url = app_url(client, "ckreihe:document-list")

    for query in ["?q=Bericht", "?kind=talk&year=", "?q=zzzz-nothing", "?page=1"]:
        assert_same_page(client, url + query)
    html = filled_from_shell(client, url + "?q=Bericht").content.decode()
    assert "Jahresbericht Wasserstoff" in html
    assert "Anmelden zum Herunterladen" in html  # the members-only one, locked


SEARCH_QUERIES = [
    "?q=Holmium",
    "?q=Holmium&kind=news&page=1",
    "?q=Holmiun",  # a typo: the corrected search's results
    "?q=zzzz-nothing",
    "?q=%3Cb%3EHolmium%3C%2Fb%3E",  # escaped in the title and the form
    "?q=",
]


@pytest.mark.parametrize("query", SEARCH_QUERIES)
def test_a_search_from_the_shell_is_the_views_page(client, query):
    NewsItemFactory(title_de="Meldung Holmium")

    assert_same_page(client, "/de/suche/" + query)


def test_each_search_from_the_shell_is_counted_and_kept_private(client):
    NewsItemFactory(title_de="Meldung Holmium")
    client.get("/de/suche/")  # keeps the shell, though the page is private

    for _ in range(2):
        response, queries = miss(client, "/de/suche/?q=Holmium")
        assert not any("cms_" in sql for sql in queries), "not from the shell"
        assert response["Cache-Control"] == "private"
        assert "<title>Suche nach „Holmium“ |" in response.content.decode()
        assert ">Meldung Holmium</a></h3>" in response.content.decode()

    assert SearchQueryLog.objects.get(query="holmium").count == 2


def test_what_only_the_view_can_answer_still_gets_its_answer(client):
    atlas = app_url(client, "members:organization-list")
    calendar = app_url(client, "events:event-list")
    client.get(atlas)
    client.get(calendar)

    assert client.get(atlas + "?page=999").status_code == 404
    unknown = client.get(calendar + "?category=unknown")
    assert unknown.status_code == 404
    assert "unbekannt" in unknown.content.decode()
    ckreihe = app_url(client, "ckreihe:document-list")
    client.get(ckreihe)
    assert client.get(ckreihe + "?year=1900").status_code == 404
    assert client.get(ckreihe + "?page=999").status_code == 404
    client.get("/de/suche/")
    assert client.get("/de/suche/?q=Leuna&page=999").status_code == 404
    unknown = client.get("/de/suche/?q=Leuna&kind=unknown")
    assert "Diese Art von Ergebnissen gibt es nicht." in unknown.content.decode()
    assert "private" not in unknown.get("Cache-Control", "")


def test_a_logged_in_editor_never_gets_the_visitors_shell(client, admin_user):
    atlas = app_url(client, "members:organization-list")
    client.get(atlas)  # the visitors' shell
    client.force_login(admin_user)

    response = client.get(atlas + "?q=Leuna")

    assert b"cms-toolbar" in response.content


def test_a_process_with_older_urls_renders_in_full(client):
    atlas = app_url(client, "members:organization-list")
    older = apphook_reload.get_local_revision()
    apphook_reload.mark_urlconf_as_changed()  # an editor changed an apphook
    # Another process (its own client) reloads its URLs and keeps the shell;
    # this one's URLs are still the older ones (the revision is per process).
    Client().get(atlas)
    newer = apphook_reload.get_local_revision()
    apphook_reload.set_local_revision(older)

    response, queries = miss(client, atlas + "?q=Leuna")

    assert response.status_code == 200
    assert newer != older
    assert any("cms_urlconfrevision" in sql for sql in queries)
    assert apphook_reload.get_local_revision() == newer


def test_a_page_whose_only_region_is_the_query_keeps_no_shell(client, rf):
    response = client.get(app_url(client, "news:news-list") + "?page=1")
    key = regions.shell_key(rf.get(app_url(client, "news:news-list")))

    assert response.status_code == 200
    assert cache.get(key) is None


def test_the_language_links_keep_the_query_string_percent_encoded(client):
    atlas = app_url(client, "members:organization-list")
    client.get(atlas)  # the shell

    html = client.get(atlas + "?q=<x>&a=%C3%BC").content.decode()

    assert '/?q=%3Cx%3E&amp;a=%C3%BC" hreflang="en"' in html  # the switcher
    assert 'hreflang="en" href="http://127.0.0.1:8000/en/' in html
    assert '/?q=%3Cx%3E&amp;a=%C3%BC">' in html  # the hreflang link
