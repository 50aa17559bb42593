import xml.etree.ElementTree as ET

import pytest
from cms.api import create_page
from cms.models import PageContent
from django.contrib.auth import get_user_model
from djangocms_versioning.models import Version

from tests.portal.test_pages import DEMO_PAGES

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def sitemap_entries(client):
    response = client.get("/sitemap-pages.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def publish_german_only_page():
    editor = get_user_model().objects.get(username="demo-content")
    page = create_page(
        "Nur auf Deutsch",
        "pages/content.html",
        "de",
        created_by=editor,
        slug="nur-deutsch",
        in_navigation=True,
    )
    content = PageContent.admin_manager.get(page=page)
    Version.objects.get_for_content(content).publish(editor)
    return page


def test_sitemap_lists_every_page_with_its_language_alternates(client, settings):
    host = f"http://{settings.SITE_DOMAIN}"

    entries = sitemap_entries(client)

    assert len(entries) == 2 * len(DEMO_PAGES)
    assert entries[f"{host}/de/das-cluster/"] == {
        "de": f"{host}/de/das-cluster/",
        "en": f"{host}/en/the-cluster/",
    }


def test_a_page_without_translation_has_no_alternate_for_it(client, settings):
    publish_german_only_page()
    url = f"http://{settings.SITE_DOMAIN}/de/nur-deutsch/"

    entries = sitemap_entries(client)
    html = client.get("/de/nur-deutsch/").content.decode()

    assert entries[url] == {"de": url}
    assert 'hreflang="en" href' not in html
    assert client.get("/en/nur-deutsch/").status_code == 404


def test_the_switcher_sends_to_the_home_page_when_a_translation_is_missing(client):
    publish_german_only_page()

    html = client.get("/de/nur-deutsch/").content.decode()

    assert '<a href="/en/" hreflang="en"' in html


def test_the_sitemap_index_names_the_pages_section(client, settings):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    sections = [
        loc.text for loc in ET.fromstring(response.content).iter(f"{{{NS['s']}}}loc")
    ]
    assert f"http://{settings.SITE_DOMAIN}/sitemap-pages.xml" in sections


def test_an_unknown_sitemap_section_is_404(client):
    assert client.get("/sitemap-nothing.xml", follow=True).status_code == 404


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_favicon_ico_leads_to_the_site_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")


def test_in_development_the_sitemap_names_the_host_it_is_served_from(client, settings):
    settings.DEBUG = True
    host = "127.0.0.1:8300"

    index = client.get("/sitemap.xml", headers={"host": host}).content.decode()
    pages = client.get("/sitemap-pages.xml", headers={"host": host}).content.decode()

    assert f"<loc>http://{host}/sitemap-pages.xml</loc>" in index
    assert f"<loc>http://{host}/de/das-cluster/</loc>" in pages
    assert settings.SITE_DOMAIN not in index + pages


def test_in_production_the_sitemap_names_the_public_domain(client, settings):
    settings.SITE_DOMAIN = "portal.example.org"

    index = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://portal.example.org/sitemap-organisations.xml</loc>" in index
