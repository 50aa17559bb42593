import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_member_logs_in_from_a_locked_document_and_downloads_it(
    site_page, live_member
):
    site_page.goto("/de/")
    nav = site_page.get_by_role("navigation", name="Hauptnavigation")
    nav.get_by_role("link", name="Handlungsfelder", exact=True).click()
    site_page.get_by_role("main").get_by_role(
        "link", name="Öffentlichkeitsarbeit"
    ).click()
    site_page.get_by_role("main").get_by_role("link", name="CKreihe").click()
    expect(site_page.locator("h1")).to_have_text("CKreihe")

    locked = site_page.locator(".document-item", has_text="CKreihe Nr. 3")
    expect(locked.get_by_text("Nur für Mitglieder")).to_be_visible()
    locked.get_by_role("link", name=re.compile("^Anmelden zum Herunterladen")).click()

    expect(site_page.locator("h1")).to_have_text("Anmelden")
    site_page.get_by_label("Benutzername").fill(live_member[0])
    site_page.get_by_label("Passwort").fill(live_member[1])
    site_page.get_by_role("button", name="Anmelden").click()

    expect(site_page).to_have_url(re.compile(r"/ckreihe/3/$"))
    expect(site_page.locator("h1")).to_have_text("Protokoll der Abschlussdiskussion")
    with site_page.expect_download() as download_info:
        site_page.get_by_role("link", name=re.compile("^Herunterladen")).click()
    download = download_info.value
    assert download.suggested_filename == "CKreihe-003.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    document_url = site_page.url

    site_page.goto("/de/mein-bereich/")
    expect(site_page.locator("h1")).to_have_text("Mein Bereich")
    site_page.get_by_role("button", name="Abmelden").click()

    site_page.goto(document_url)
    expect(
        site_page.get_by_role("link", name=re.compile("^Anmelden zum Herunterladen"))
    ).to_be_visible()
    expect(
        site_page.get_by_role("link", name=re.compile("^Herunterladen"))
    ).to_have_count(0)
