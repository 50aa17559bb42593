"""No page breaks its Content-Security-Policy: every page type for a
visitor and a member, and django CMS's editing and the admin for an editor.

A listener for ``securitypolicyviolation``, injected into every frame before
the page's own scripts, reports each violation (Playwright's console events
do not carry Chromium's "Refused to ..." messages).
"""

import re
import urllib.request
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import EDITOR

pytestmark = pytest.mark.browser

LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation({
        page: document.location.href,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile + ":" + event.lineNumber,
        sample: event.sample,
    });
});
"""

VISITOR_PAGES = [
    "/de/",
    "/en/",
    "/de/das-cluster/",
    "/de/handlungsfelder/",
    "/de/handlungsfelder/oeffentlichkeitsarbeit/clusteratlas/",
    "/de/handlungsfelder/oeffentlichkeitsarbeit/clusteratlas/?state=sachsen-anhalt",
    "/de/handlungsfelder/oeffentlichkeitsarbeit/clusteratlas/karte/",
    "/de/handlungsfelder/oeffentlichkeitsarbeit/clusteratlas/druckansicht/",
    "/de/termine/",
    "/de/termine/2030/6/",
    "/de/termine/2030/",
    "/en/events/?category=unknown",
    "/de/handlungsfelder/oeffentlichkeitsarbeit/ckreihe/",
    "/de/handlungsfelder/oeffentlichkeitsarbeit/cknews/",
    "/de/handlungsfelder/oeffentlichkeitsarbeit/cknews/5/",
    "/de/handlungsfelder/oeffentlichkeitsarbeit/cknews/abonnieren/",
    "/de/aktuelles/",
    "/de/suche/?q=Chemie",
    "/en/search/?q=Recylcing",
    "/de/login/",
    "/de/forgot-password/",
    "/de/admin/login/",
    "/de/gibt-es-nicht/",
]
# The first organisation, event, CKreihe document and news item come from
# the sitemaps; their detail pages are one template each.
DETAIL_SECTIONS = ("organisations", "events", "ckreihe", "news")


def first_location(url):
    with urllib.request.urlopen(url) as response:
        return next(ET.parse(response).iter(LOC)).text


def watch_violations(context):
    """The violations of every page and frame the browser context loads."""
    violations = []
    context.expose_binding(
        "reportCspViolation", lambda _source, violation: violations.append(violation)
    )
    context.add_init_script(REPORT_VIOLATIONS)
    return violations


@pytest.fixture
def csp_violations(site_page):
    return watch_violations(site_page.context)


def visit(page, url):
    page.goto(url)
    # Violations are reported asynchronously; let the page settle.
    page.wait_for_load_state("networkidle")


def distinct(violations):
    """What was refused, once each, for a readable failure."""
    return sorted({(v["directive"], v["blocked"], v["source"]) for v in violations})


def log_in(page, username, password, next_url, login="/de/admin/login/"):
    page.goto(f"{login}?next={next_url}")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(re.compile(re.escape(next_url) + "$"))


def test_an_injected_inline_script_is_refused_and_reported(browser, live_site):
    context = browser.new_context(base_url=live_site)
    violations = watch_violations(context)
    page = context.new_page()
    visit(page, "/de/")

    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
        }"""
    )
    page.wait_for_timeout(200)

    assert page.evaluate("window.injected") is None
    assert [v["directive"] for v in violations] == ["script-src-elem"]
    context.close()


def test_no_page_type_violates_the_policy_for_a_visitor(
    site_page, csp_violations, live_site
):
    details = [
        first_location(f"{live_site}/sitemap-{section}.xml")
        for section in DETAIL_SECTIONS
    ]
    for url in [*VISITOR_PAGES, *details]:
        visit(site_page, url)
        # A visitor's page is the same from the cache: load it twice.
        visit(site_page, url)

    assert distinct(csp_violations) == []


def test_no_page_violates_the_policy_for_a_member(
    site_page, csp_violations, live_member
):
    log_in(site_page, *live_member, "/de/mein-bereich/", login="/de/login/")
    expect(site_page.locator("h1")).to_have_text("Mein Bereich")
    site_page.get_by_role("link", name="Eintrag im Clusteratlas bearbeiten").click()
    expect(site_page.locator("form")).not_to_have_count(0)
    site_page.wait_for_load_state("networkidle")
    visit(site_page, "/de/handlungsfelder/oeffentlichkeitsarbeit/ckreihe/")
    visit(site_page, "/de/handlungsfelder/oeffentlichkeitsarbeit/clusteratlas/")

    assert distinct(csp_violations) == []


def test_editing_a_page_with_the_toolbar_violates_nothing(site_page, csp_violations):
    page = site_page
    log_in(page, *EDITOR, "/de/handlungsfelder/innovation/")
    toolbar = page.locator(".cms-toolbar")
    toolbar.get_by_text(re.compile("^(Neuer Entwurf|Bearbeiten)$")).first.click()
    expect(page).to_have_url(re.compile("/admin/cms/placeholder/object/"))
    page.wait_for_load_state("networkidle")

    # Structure mode, and a text plugin's form in the modal dialog.
    page.locator(".cms-toolbar-item-cms-mode-switcher a").first.click()
    expect(page.locator(".cms-structure")).to_be_visible()
    page.locator(".cms-draggable .cms-dragitem-text", has_text="Text").first.dblclick()
    modal = page.frame_locator(".cms-modal-frame iframe")
    expect(modal.locator("[contenteditable=true]").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.locator(".cms-modal-close").click()

    # Back to the content, and the text editor in the page itself.
    page.locator(".cms-toolbar-item-cms-mode-switcher a").first.click()
    page.locator(".cms-plugin").filter(has=page.locator("p")).first.dblclick()
    expect(page.locator("main [contenteditable=true]").first).to_be_visible()
    page.keyboard.press("Escape")

    toolbar.get_by_text("Veröffentlichen", exact=True).click()
    expect(page).to_have_url(re.compile("/de/handlungsfelder/innovation/$"))
    page.wait_for_load_state("networkidle")

    assert distinct(csp_violations) == []


def test_the_admin_violates_nothing(site_page, csp_violations):
    page = site_page
    log_in(page, *EDITOR, "/de/admin/")
    visit(page, "/de/admin/members/organization/")
    page.locator("#result_list tbody tr th a").first.click()
    # The language tabs of translated fields (jQuery UI, served by the site).
    expect(page.locator("form#organization_form .ui-tabs").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    visit(page, "/de/admin/cms/pagecontent/")
    visit(page, "/de/admin/events/eventdocument/add/")
    visit(page, "/de/admin/newsletter/issue/")
    issue = page.locator("#result_list tbody tr th a").first.get_attribute("href")
    visit(page, issue.replace("/change/", "/send/"))
    expect(page.locator("#content form")).not_to_have_count(0)

    assert distinct(csp_violations) == []
