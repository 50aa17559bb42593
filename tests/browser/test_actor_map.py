import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import WCAG_21_AA

pytestmark = pytest.mark.browser


def open_map(site_page):
    site_page.goto("/de/handlungsfelder/oeffentlichkeitsarbeit/clusteratlas/")
    search = site_page.get_by_role("search")
    search.get_by_label("Bundesland").select_option(label="Thüringen")
    search.get_by_role("button", name="Ergebnisse anzeigen").click()
    site_page.get_by_role(
        "link", name="Diese Organisationen auf der Karte zeigen"
    ).click()
    expect(site_page).to_have_url(re.compile(r"/karte/\?.*state=thueringen"))


def test_map_shows_the_filtered_organizations_without_other_hosts(site_page):
    # site_page fails the test on any request to another host.
    open_map(site_page)

    expect(site_page.locator("h1")).to_have_text("Karte der Akteure des Clusters")
    markers = site_page.locator("svg .actor-map__marker")
    listed = site_page.locator(".actor-map__list a")
    expect(markers).not_to_have_count(0)
    expect(markers).to_have_count(listed.count())
    expect(site_page.get_by_role("status")).to_have_text(
        re.compile(rf"^\s*{listed.count()} Organisationen auf der Karte")
    )
    site_page.wait_for_load_state("networkidle")


def test_markers_are_links_reached_by_keyboard(site_page):
    open_map(site_page)
    marker = site_page.locator("svg .actor-map__marker").first
    name = marker.locator("title").text_content()

    assert marker.evaluate("link => link.tabIndex") == 0  # in the tab order
    marker.focus()
    expect(marker).to_be_focused()
    expect(site_page.get_by_role("link", name=name, exact=True).first).to_be_visible()
    site_page.keyboard.press("Enter")
    expect(site_page.locator("h1")).to_have_text(name.split(", ")[0])


def test_map_page_meets_wcag_21_aa(site_page):
    open_map(site_page)

    results = Axe().run(site_page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def test_list_page_offers_the_open_data_with_its_filters(site_page):
    site_page.goto("/de/handlungsfelder/oeffentlichkeitsarbeit/clusteratlas/")
    search = site_page.get_by_role("search")
    search.get_by_label("Bundesland").select_option(label="Sachsen")
    search.get_by_role("button", name="Ergebnisse anzeigen").click()

    with site_page.expect_download() as download_info:
        site_page.get_by_role("link", name="JSON", exact=True).click()
    with open(download_info.value.path(), encoding="utf-8") as file:
        data = json.load(file)
    assert data["count"] > 0
    assert {org["federal_state"] for org in data["organizations"]} == {"sachsen"}
    results = Axe().run(site_page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
