import re

import pytest
from playwright.sync_api import expect

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
