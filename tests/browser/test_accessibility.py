import urllib.request
import xml.etree.ElementTree as ET

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
PHONE = (320, 640)
DESKTOP = (1280, 900)
LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
# Pages of one kind share their template: a few of each tell enough.
PAGES_PER_APP_SECTION = 4
# English pages of demo entries written in German only (no sitemap names
# them): the notice that says so, and the German text marked as German.
UNTRANSLATED_PAGES = (
    "/en/events/werkstattgespraech-rezyklate-im-spritzguss/",
    "/en/fields-of-action/public-relations/cluster-atlas/"
    "beispiel-compoundierwerk-zeitz-gmbh/",
)


def sitemap_locations(url):
    with urllib.request.urlopen(url) as response:
        return [loc.text for loc in ET.parse(response).iter(LOC)]


@pytest.fixture(scope="module")
def every_page(live_site):
    """All CMS pages, a few pages of every other sitemap section, the English
    pages of German-only entries, an error page."""
    urls = []
    for section in sitemap_locations(f"{live_site}/sitemap.xml"):
        locations = sitemap_locations(section)
        if not section.endswith("/sitemap-pages.xml"):
            locations = locations[:PAGES_PER_APP_SECTION]
        urls += locations
    assert len(urls) >= 26
    untranslated = [f"{live_site}{path}" for path in UNTRANSLATED_PAGES]
    return [
        *urls,
        *untranslated,
        *dossier_pages(live_site),
        f"{live_site}/de/gibt-es-nicht/",
    ]


def dossier_pages(live_site):
    """The demo's past event with its full dossier, and an organisation page
    that lists it."""
    return [
        f"{live_site}/de/termine/tagung-chemiestandorte-zukunft/",
        f"{live_site}/en/events/tagung-chemiestandorte-zukunft/",
        f"{live_site}/de/handlungsfelder/oeffentlichkeitsarbeit/clusteratlas/"
        "beispiel-polymerwerk-saalekreis-gmbh/",
    ]


@pytest.mark.parametrize(
    "site_page", [PHONE, DESKTOP], indirect=True, ids=["phone", "desktop"]
)
def test_every_page_meets_wcag_21_aa(site_page, every_page):
    axe = Axe()
    violations = {}
    for url in every_page:
        site_page.goto(url)
        results = axe.run(site_page, options=WCAG_21_AA)
        if results.violations_count:
            violations[url] = results.generate_report()

    assert violations == {}


@pytest.mark.parametrize("site_page", [PHONE], indirect=True, ids=["320px"])
def test_every_page_fits_a_320_pixel_screen(site_page, every_page):
    overflowing = []
    for url in every_page:
        site_page.goto(url)
        overflow = site_page.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        if overflow > 0:
            overflowing.append((url, overflow))

    assert overflowing == []


@pytest.mark.parametrize("site_page", [DESKTOP], indirect=True, ids=["desktop"])
def test_the_untranslated_notice_is_announced_as_a_note(site_page, live_site):
    site_page.goto(f"{live_site}{UNTRANSLATED_PAGES[0]}")

    notice = site_page.get_by_role("note")

    assert notice.inner_text() == "This entry is only available in German."
    assert site_page.locator("h1").get_attribute("lang") == "de"
