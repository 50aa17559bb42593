"""The site search as a visitor uses it: the header field, facets, a result."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .test_accessibility import DESKTOP, PHONE, WCAG_21_AA

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "site_page", [(375, 740), DESKTOP], indirect=True, ids=["375px", "desktop"]
)
def test_a_visitor_searches_filters_and_opens_a_result(site_page):
    site_page.goto("/de/")
    field = site_page.get_by_role("searchbox", name="Das Portal durchsuchen")
    field.fill("Recycling")
    field.press("Enter")

    expect(site_page).to_have_url(re.compile(r"/de/suche/\?q=Recycling$"))
    expect(site_page.locator("h1")).to_have_text("Suche")
    facets = site_page.get_by_role("navigation", name="Nach Art filtern")
    facets.get_by_role("link", name=re.compile("^Organisation")).click()

    expect(site_page).to_have_url(re.compile(r"kind=organization"))
    results = site_page.locator(".search-result")
    expect(results.first.locator(".search-result__kind")).to_have_text("Organisation")
    title = results.first.locator("h3 a").inner_text()
    results.first.locator("h3 a").click()

    expect(site_page.locator("h1")).to_have_text(title)
    overflow = site_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_a_typo_leads_to_the_right_results_in_english(site_page):
    site_page.goto("/en/")
    site_page.get_by_role("searchbox", name="Search the portal").fill("Recylcing")
    site_page.get_by_role("search").first.get_by_role("button", name="Search").click()

    expect(site_page.get_by_role("status").first).to_contain_text(
        "Showing the results for “recycling”"
    )
    expect(site_page.locator(".search-result mark").first).to_be_visible()


@pytest.mark.parametrize(
    "site_page", [PHONE, DESKTOP], indirect=True, ids=["phone", "desktop"]
)
def test_the_results_page_meets_wcag_21_aa(site_page):
    axe = Axe()
    violations = {}
    for url in (
        "/de/suche/?q=Chemie",
        "/en/search/?q=Recylcing",
        "/de/suche/?q=&kind=x",
        "/de/suche/?q=Chemie&kind=event&page=2",
    ):
        site_page.goto(url)
        results = axe.run(site_page, options=WCAG_21_AA)
        if results.violations_count:
            violations[url] = results.generate_report()

    assert violations == {}
