import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/de/gibt-es-nicht/", "Seite nicht gefunden"),
        ("/en/does-not-exist/", "Page not found"),
        ("/de/handlungsfelder/unbekannt/", "Seite nicht gefunden"),
        ("/en/fields-of-action/unknown/deeper/", "Page not found"),
    ],
)
def test_unknown_paths_give_the_localized_404(client, url, message):
    response = client.get(url)

    assert response.status_code == 404
    html = response.content.decode()
    assert message in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize("url", ["/fr/", "/xx/das-cluster/", "/de-at/", "/%ff/"])
def test_unknown_language_prefixes_end_in_404(client, url):
    response = client.get(url, follow=True)

    assert response.status_code == 404


def test_the_404_page_links_to_the_homepage_in_the_other_language(client):
    html = client.get("/en/nowhere/").content.decode()

    assert 'href="/de/" hreflang="de"' in html
    assert 'rel="alternate"' not in html


def test_the_500_page_reveals_nothing(settings):
    settings.DEBUG = False
    request = RequestFactory().get("/de/")

    response = server_error(request)

    assert response.status_code == 500
    html = response.content.decode()
    assert "Ein Fehler ist aufgetreten" in html
    assert "Something went wrong" in html
    assert "Traceback" not in html
    assert "{%" not in html
