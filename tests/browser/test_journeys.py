import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import EDITOR

pytestmark = pytest.mark.browser


def test_homepage_shows_the_cluster(site_page):
    site_page.goto("/de/")

    expect(site_page).to_have_title(re.compile("Zukunftscluster Chemie/Kunststoffe"))
    expect(site_page.locator("h1")).to_have_text(
        "Zukunftscluster Chemie/Kunststoffe Mitteldeutschland"
    )
    expect(site_page.locator("html")).to_have_attribute("lang", "de")


def test_main_navigation_leads_through_the_page_tree(site_page):
    site_page.goto("/de/")
    nav = site_page.get_by_role("navigation", name="Hauptnavigation")

    nav.get_by_role("link", name="Das Cluster", exact=True).click()
    expect(site_page).to_have_url(re.compile("/de/das-cluster/$"))
    expect(site_page.locator("h1")).to_have_text("Das Cluster")

    nav.get_by_role("link", name="Handlungsfelder", exact=True).click()
    expect(site_page.locator("h1")).to_have_text("Handlungsfelder")
    site_page.get_by_role("main").get_by_role("link", name="Innovation").click()
    expect(site_page).to_have_url(re.compile("/de/handlungsfelder/innovation/$"))
    expect(nav.locator('[aria-current="page"]')).to_have_text("Innovation")


def test_language_switcher_keeps_the_visitor_on_the_same_page(site_page):
    site_page.goto("/de/handlungsfelder/internationale-aktivitaeten/")

    site_page.get_by_role("link", name="English").click()

    expect(site_page).to_have_url(
        re.compile("/en/fields-of-action/international-activities/$")
    )
    expect(site_page.locator("html")).to_have_attribute("lang", "en")
    expect(site_page.locator("h1")).to_have_text("International activities")

    site_page.get_by_role("link", name="Deutsch").click()
    expect(site_page.locator("h1")).to_have_text("Internationale Aktivitäten")


def test_unknown_page_shows_the_localized_404(site_page):
    response = site_page.goto("/en/no-such-page/")

    assert response.status == 404
    expect(site_page.locator("h1")).to_have_text("Page not found")


@pytest.mark.parametrize("site_page", [(360, 740)], indirect=True, ids=["phone"])
def test_phone_menu_opens_and_leads_to_a_page(site_page):
    site_page.goto("/de/")
    nav = site_page.get_by_role("navigation", name="Hauptnavigation")
    menu_button = site_page.get_by_role("button", name="Menü")
    expect(nav.get_by_role("link", name="Clustersprecher")).to_be_hidden()

    menu_button.click()

    expect(site_page.get_by_role("button", name="Menü schließen")).to_have_attribute(
        "aria-expanded", "true"
    )
    nav.get_by_role("link", name="Clustersprecher").click()
    expect(site_page).to_have_url(re.compile("/de/clustersprecher/$"))
    expect(site_page.locator("h1")).to_have_text("Clustersprecher")


def test_desktop_submenu_opens_with_its_button_and_closes_with_escape(site_page):
    site_page.goto("/en/")
    nav = site_page.get_by_role("navigation", name="Main navigation")
    submenu_link = nav.get_by_role("link", name="Innovation")
    expect(submenu_link).to_be_hidden()

    nav.get_by_role("button", name="Submenu Fields of action").click()
    expect(submenu_link).to_be_visible()
    site_page.keyboard.press("Escape")

    expect(submenu_link).to_be_hidden()


def test_skip_link_moves_keyboard_focus_to_the_content(site_page):
    site_page.goto("/de/das-cluster/")

    site_page.keyboard.press("Tab")
    skip_link = site_page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip_link).to_be_focused()
    site_page.keyboard.press("Enter")

    expect(site_page.locator("main")).to_be_focused()


def test_editor_drafts_and_publishes_a_page_with_the_toolbar(site_page):
    site_page.goto("/de/admin/login/?next=/de/handlungsfelder/strategiebildung/")
    site_page.get_by_label("Benutzername").fill(EDITOR[0])
    site_page.get_by_label("Passwort").fill(EDITOR[1])
    site_page.get_by_role("button", name="Anmelden").click()
    expect(site_page).to_have_url(re.compile("/de/handlungsfelder/strategiebildung/$"))
    toolbar = site_page.locator(".cms-toolbar")

    toolbar.get_by_text("Neuer Entwurf").click()

    expect(site_page).to_have_url(re.compile("/admin/cms/placeholder/object/"))
    expect(site_page.locator("h1")).to_have_text("Strategiebildung")
    toolbar.get_by_text("Veröffentlichen", exact=True).click()
    expect(site_page).to_have_url(re.compile("/de/handlungsfelder/strategiebildung/$"))
    expect(toolbar.get_by_text("Neuer Entwurf")).to_be_visible()
