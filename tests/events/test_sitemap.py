import xml.etree.ElementTree as ET

import pytest

from .factories import EventFactory

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def test_the_sitemap_lists_published_events_in_both_languages(client, settings):
    event = EventFactory(slug="sitemap-tagung")
    EventFactory(slug="geheim", is_published=False)
    host = f"http://{settings.SITE_DOMAIN}"

    response = client.get("/sitemap-events.xml")

    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }
    german = f"{host}/de/termine/{event.slug}/"
    english = f"{host}/en/events/{event.slug}/"
    assert entries[german] == {"de": german, "en": english}
    assert english in entries
    assert not any("geheim" in location for location in entries)


def test_the_sitemap_index_names_the_events_section(client, settings):
    response = client.get("/sitemap.xml")

    assert (
        f"http://{settings.SITE_DOMAIN}/sitemap-events.xml" in response.content.decode()
    )
