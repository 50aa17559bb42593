import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_visitor_finds_a_fair_and_puts_it_in_their_calendar(site_page):
    page = site_page
    page.goto("/de/")
    nav = page.get_by_role("navigation", name="Hauptnavigation")

    nav.get_by_role("link", name="Termine", exact=True).click()
    expect(page).to_have_url(re.compile("/de/termine/$"))
    expect(page.locator("h1")).to_have_text("Termine")

    # Filter: trade fairs only, without JavaScript doing anything special.
    page.get_by_label("Kategorie").select_option(label="Messe")
    page.get_by_role("button", name="Termine anzeigen").click()
    expect(page).to_have_url(re.compile(r"\?category=messe"))
    cards = page.locator(".event-card")
    expect(cards.first).to_be_visible()
    for text in cards.locator(".event-card__meta").all_inner_texts():
        assert text.startswith("Messe")

    # Step through the months, keeping the filter.
    views = page.get_by_role("navigation", name="Ansichten des Kalenders")
    views.get_by_role("link", name="Monatsansicht").click()
    caption = page.locator("caption")
    first_month = caption.inner_text()
    page.get_by_role("link", name=re.compile("^Nächster Monat")).click()
    expect(caption).not_to_have_text(first_month)
    expect(page).to_have_url(re.compile(r"\?category=messe$"))
    page.get_by_role("link", name=re.compile("^Vorheriger Monat")).click()
    expect(caption).to_have_text(first_month)

    # Open a fair from the list and download its .ics.
    views.get_by_role("link", name="Nächste Termine").click()
    first = page.locator(".event-card__title a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)
    link = page.get_by_role("link", name="In meinen Kalender eintragen (.ics)")
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VCALENDAR" in response.text()
    assert response.headers["content-disposition"].startswith("attachment;")
    expect(link).to_have_attribute("download", "")


def test_the_month_view_is_a_table_with_headers(site_page):
    site_page.goto("/en/events/")
    site_page.get_by_role("link", name="Month view").click()

    table = site_page.get_by_role("table")
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader")).to_have_count(7)
    expect(table.get_by_role("columnheader").first).to_have_text("Mon")


@pytest.mark.parametrize(
    "site_page", [(320, 640), (1280, 900)], indirect=True, ids=["phone", "desktop"]
)
def test_the_calendar_views_meet_wcag_21_aa_and_fit_a_phone(site_page):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.test_accessibility import WCAG_21_AA

    axe = Axe()
    site_page.goto("/de/termine/")
    month_url = site_page.get_by_role("link", name="Monatsansicht").get_attribute(
        "href"
    )
    archive_url = site_page.get_by_role(
        "link", name="Vergangene Termine"
    ).get_attribute("href")
    violations, overflowing = {}, []
    for url in (
        "/de/termine/?category=messe",
        month_url,
        archive_url,
        "/en/events/?category=unknown",
    ):
        site_page.goto(url)
        results = axe.run(site_page, options=WCAG_21_AA)
        if results.violations_count:
            violations[url] = results.generate_report()
        overflow = site_page.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        if overflow > 0:
            overflowing.append((url, overflow))

    assert violations == {}
    assert overflowing == []
