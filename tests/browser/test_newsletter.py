"""CKnews and news in the browser: the archive, the news, and a subscription
from the form to the confirmation link to unsubscribing from an issue mail."""

import email
import re
import subprocess
import sys
import uuid
from email import policy
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PROJECT_DIR

pytestmark = pytest.mark.browser

SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def mails_to(live_site_dir, address):
    """The text parts of the mails the live site wrote to ``mail/`` for the
    address, oldest first."""
    texts = []
    for path in sorted(
        (live_site_dir / "mail").glob("*.log"), key=lambda p: p.stat().st_mtime
    ):
        for raw in path.read_bytes().split(SEPARATOR):
            if not raw.strip():
                continue
            message = email.message_from_bytes(raw.strip(), policy=policy.default)
            if address in message["To"]:
                texts.append((message, message.get_body(("plain",)).get_content()))
    return texts


def path_of_link(text, marker):
    [link] = [link for link in re.findall(r"https?://\S+", text) if marker in link]
    return urlsplit(link).path


def test_a_visitor_subscribes_confirms_receives_an_issue_and_unsubscribes(
    site_page, live_site_dir, live_site_env
):
    address = f"leser-{uuid.uuid4().hex[:8]}@example.org"
    site_page.goto("/de/handlungsfelder/oeffentlichkeitsarbeit/cknews/")
    site_page.get_by_role("link", name="CKnews abonnieren").first.click()
    expect(site_page.locator("h1")).to_have_text("CKnews abonnieren")

    site_page.get_by_role("textbox", name="E-Mail-Adresse").fill(address)
    site_page.get_by_label("Deutsch").check()
    site_page.get_by_label(re.compile("Ich möchte CKnews per E-Mail erhalten")).check()
    site_page.get_by_role("button", name="Abonnieren").click()

    expect(site_page.locator("h1")).to_have_text("Bitte sehen Sie in Ihr Postfach")
    [(_message, text)] = mails_to(live_site_dir, address)
    site_page.goto(path_of_link(text, "/bestaetigen/"))
    expect(site_page.locator("h1")).to_have_text("Abonnement bestätigen")
    site_page.get_by_role("button", name="Ja, ich möchte CKnews erhalten").click()
    expect(site_page.locator("h1")).to_have_text("Abonnement bestätigt")

    subprocess.run(
        [sys.executable, "manage.py", "send_cknews", "1"],
        cwd=PROJECT_DIR,
        env=live_site_env,
        check=True,
        capture_output=True,
    )
    issue_message, issue_text = mails_to(live_site_dir, address)[-1]
    assert issue_message["Subject"].strip().startswith("CKnews 1 ")
    assert issue_message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    site_page.goto(path_of_link(issue_text, "/abbestellen/"))
    expect(site_page.locator("h1")).to_have_text("CKnews abbestellen")
    site_page.get_by_role("button", name="Abbestellen").click()
    expect(site_page.locator("h1")).to_have_text("Sie haben CKnews abbestellt")


def test_the_form_explains_what_is_missing(site_page):
    site_page.goto("/en/fields-of-action/public-relations/cknews/subscribe/")

    site_page.get_by_role("textbox", name="E-mail address").fill("not an address")
    site_page.get_by_role("button", name="Subscribe").click()

    expect(site_page.get_by_role("textbox", name="E-mail address")).to_have_attribute(
        "aria-invalid", "true"
    )
    expect(
        site_page.get_by_text("Please agree so that we may send CKnews.")
    ).to_be_visible()


def test_the_archive_leads_to_an_issue_with_its_articles(site_page):
    site_page.goto("/de/handlungsfelder/oeffentlichkeitsarbeit/")
    site_page.get_by_role("main").get_by_role("link", name="CKnews").click()
    expect(site_page.locator("h1")).to_have_text("CKnews")

    site_page.get_by_role("link", name="Kunststoffe im Kreislauf").click()

    expect(site_page).to_have_url(re.compile("/cknews/1/$"))
    expect(site_page.locator("h1")).to_have_text("Kunststoffe im Kreislauf")
    expect(site_page.get_by_role("heading", name="Sortieren mit Licht")).to_be_visible()
    expect(
        site_page.get_by_role("link", name="CKnews 1 herunterladen (PDF)")
    ).to_have_attribute("href", re.compile(r"\.pdf$"))


def test_the_homepage_news_lead_to_a_news_item_and_the_list(site_page):
    site_page.goto("/en/")
    news = site_page.locator(".news-teaser")

    news.get_by_role("link", name="CKnews 5 is out: bio-based materials").click()

    expect(site_page.locator("h1")).to_have_text("CKnews 5 is out: bio-based materials")
    site_page.get_by_role("link", name="All news").click()
    expect(site_page.locator("h1")).to_have_text("News")
    site_page.get_by_role("link", name="Older news").click()
    expect(site_page).to_have_url(re.compile(r"\?page=2$"))


def test_visitors_subscribe_from_the_same_cached_form(
    site_page, browser, live_site, live_site_dir
):
    """The form page is shared through the page cache: the second visitor
    gets the first one's copy, with no token or cookie of theirs in it,
    and the subscription still works for both."""
    site_page.goto("/de/handlungsfelder/oeffentlichkeitsarbeit/cknews/")
    site_page.get_by_role("link", name="CKnews abonnieren").first.click()
    form_url = site_page.url
    other = browser.new_context(base_url=live_site)
    try:
        second_page = other.new_page()
        first = second_page.request.get(form_url)
        again = second_page.request.get(form_url)
        assert first.text() == again.text()
        assert "csrfmiddlewaretoken" not in first.text()
        assert "set-cookie" not in first.headers

        for page in (site_page, second_page):
            address = f"leser-{uuid.uuid4().hex[:8]}@example.org"
            page.goto(form_url)
            page.get_by_role("textbox", name="E-Mail-Adresse").fill(address)
            page.get_by_label("Deutsch").check()
            page.get_by_label(
                re.compile("Ich möchte CKnews per E-Mail erhalten")
            ).check()
            page.get_by_role("button", name="Abonnieren").click()

            expect(page.locator("h1")).to_have_text("Bitte sehen Sie in Ihr Postfach")
            assert len(mails_to(live_site_dir, address)) == 1
    finally:
        other.close()
