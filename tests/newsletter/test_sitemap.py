import xml.etree.ElementTree as ET

import pytest

from .factories import IssueFactory, NewsItemFactory

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def entries(client, section):
    response = client.get(f"/sitemap-{section}.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_the_issues_are_in_the_sitemap_in_both_languages(client, settings):
    IssueFactory(number=80)
    IssueFactory(number=81, is_published=False)
    host = f"http://{settings.SITE_DOMAIN}"

    issues = entries(client, "cknews")

    german = f"{host}/de/handlungsfelder/oeffentlichkeitsarbeit/cknews/80/"
    english = f"{host}/en/fields-of-action/public-relations/cknews/80/"
    assert issues[german]["en"] == english
    assert english in issues
    assert not any("/81/" in location for location in issues)


def test_the_visible_news_are_in_the_sitemap(client):
    shown = NewsItemFactory(title_de="Im Verzeichnis", title_en="In the sitemap")
    NewsItemFactory(title_de="Versteckt", is_published=False)

    news = entries(client, "news")

    assert any(f"/de/aktuelles/{shown.pk}-im-verzeichnis/" in loc for loc in news)
    assert any(f"/en/news/{shown.pk}-in-the-sitemap/" in loc for loc in news)
    assert not any("versteckt" in loc for loc in news)
