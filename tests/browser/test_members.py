import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_visitor_finds_an_organization_in_the_clusteratlas(site_page):
    site_page.goto("/de/")
    nav = site_page.get_by_role("navigation", name="Hauptnavigation")
    nav.get_by_role("link", name="Handlungsfelder", exact=True).click()
    site_page.get_by_role("main").get_by_role(
        "link", name="Öffentlichkeitsarbeit"
    ).click()
    site_page.get_by_role("main").get_by_role("link", name="Clusteratlas").click()
    expect(site_page.locator("h1")).to_have_text("Clusteratlas")

    search = site_page.get_by_role("main").get_by_role("search")
    search.get_by_label("Bundesland").select_option(label="Thüringen")
    search.get_by_label("Branche").select_option(label="Chemie")
    search.get_by_role("button", name="Ergebnisse anzeigen").click()
    expect(site_page).to_have_url(re.compile(r"sector=chemie&state=thueringen"))
    expect(site_page.get_by_role("status")).to_have_text(
        re.compile(r"^\s*3 von \d+ Organisationen\s*$")
    )

    search.get_by_label("Suchbegriff").fill("Jena")
    search.get_by_role("button", name="Ergebnisse anzeigen").click()
    results = site_page.locator(".directory__list")
    expect(results.get_by_role("link")).to_have_count(2)

    results.get_by_role("link", name="Demo Feinchemikalien Jena GmbH").click()
    expect(site_page.locator("h1")).to_have_text("Demo Feinchemikalien Jena GmbH")
    expect(site_page.get_by_text("Thüringen")).to_be_visible()

    site_page.get_by_role("link", name="Zurück zum Clusteratlas").click()
    # Until the worker has built the PDF after a change, a page says so.
    pdf_link = site_page.get_by_role("link", name="Clusteratlas herunterladen (PDF)")
    pdf_url = pdf_link.get_attribute("href")
    if site_page.request.head(pdf_url).status == 202:
        pdf_link.click()
        expect(site_page.locator("h1")).to_have_text("Das PDF wird gerade erstellt")
        for _second in range(30):
            if site_page.request.head(pdf_url).status == 200:
                break
            site_page.wait_for_timeout(1000)
        pdf_link = site_page.get_by_role("link", name="Download erneut versuchen")
    with site_page.expect_download() as download_info:
        pdf_link.click()
    download = download_info.value
    assert download.suggested_filename.startswith("clusteratlas-")
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
