"""The whole demo site, crawled in both languages, as a search engine and a
strict reviewer read it: every page it reaches names its language versions
reciprocally, has its title, description, canonical link and Open Graph
data, a single <h1>, paths in its own language, and valid HTML."""

import json
import os
import re
import shutil
import subprocess
from collections import defaultdict
from pprint import pformat
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, RequestFactory, override_settings

from cluster_portal.unavailable import database_unavailable
from tests.portal.crawl import crawl_site, local_path

HOST = "http://testserver"
# Path segments that read the same in German and English.
LANGUAGE_NEUTRAL_SEGMENTS = {"clusteratlas", "cknews", "ckreihe", "innovation", "login"}
VNU_JAR = os.environ.get("VNU_JAR", "")

# Also so that pytest-django creates the test database when only some of
# these tests run: the crawl fixture needs it.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def crawl(django_db_setup, django_db_blocker):
    # The browser tests' Playwright keeps an event loop in this thread for the
    # whole session, and Django then refuses queries that are in fact made
    # synchronously here.
    with (
        django_db_blocker.unblock(),
        override_settings(SITE_DOMAIN="testserver"),
        mock.patch.dict(os.environ, {"DJANGO_ALLOW_ASYNC_UNSAFE": "true"}),
        # What the visits write (queued PDF builds, download and search
        # logs) must not outlive the crawl and reach other tests.
        transaction.atomic(),
    ):
        # As in production: absolute links name the configured public domain.
        crawled = crawl_site(Client())
        transaction.set_rollback(True)
    return crawled


def language_of(path):
    return path.split("/")[1]


def path_of(url):
    return urlsplit(url).path


def test_the_crawl_reaches_every_kind_of_page_in_both_languages(crawl):
    kinds = defaultdict(set)
    for page in crawl.html_pages():
        kinds[page.kind].add(language_of(page.path))
    expected = {
        "cms:pages/home.html",
        "cms:pages/content.html",
        "cms:pages/overview.html",
        "members:organization-list",
        "members:organization-detail",
        "events:event-list",
        "events:event-detail",
        "events:event-month",
        "events:event-archive",
        "ckreihe:document-list",
        "ckreihe:document-detail",
        "newsletter:issue-list",
        "newsletter:issue-detail",
        "newsletter:subscribe",
        "news:news-list",
        "news:news-detail",
        "login",
        "password_reset",
    }
    assert expected <= set(kinds)
    assert all(kinds[kind] == {"de", "en"} for kind in expected)


def test_no_page_fails_and_no_link_is_broken(crawl):
    broken = {
        path: page.status for path, page in crawl.pages.items() if page.status >= 400
    }
    assert broken == {}
    redirects = {
        path: page.location
        for path, page in crawl.pages.items()
        if 300 <= page.status < 400
    }
    # Only members-only downloads send a visitor elsewhere: to the login.
    assert all("/login/?next=" in target for target in redirects.values()), redirects


def test_every_page_has_a_title_description_canonical_link_and_open_graph(crawl):
    problems = []
    for page in crawl.html_pages():
        head = page.head
        url = HOST + path_of(page.path)
        if len(head.titles) != 1 or not head.titles[0].strip():
            problems.append((page.path, "title", head.titles))
        if not (head.meta.get("description") or "").strip():
            problems.append((page.path, "meta description"))
        if head.canonical != [url] and not head.meta.get("robots"):
            problems.append((page.path, "canonical", head.canonical))
        for name in ("og:title", "og:description", "og:url"):
            if not (head.meta.get(name) or "").strip():
                problems.append((page.path, name))
        if head.h1_count != 1:
            problems.append((page.path, "h1", head.h1_count))
        if head.html_lang != language_of(page.path):
            problems.append((page.path, "lang", head.html_lang))
    assert not problems, pformat(problems)


def test_every_indexable_page_has_a_title_of_its_own(crawl):
    pages_by_title = defaultdict(list)
    for page in crawl.html_pages():
        if "?" not in page.path and not page.head.meta.get("robots"):
            pages_by_title[page.head.titles[0]].append(page.path)
    duplicates = {
        title: paths for title, paths in pages_by_title.items() if len(paths) > 1
    }
    assert not duplicates, pformat(duplicates)


def test_language_versions_are_named_reciprocally_and_answer_directly(crawl):
    problems = []
    for page in crawl.html_pages():
        if "?" in page.path or page.head.meta.get("robots"):
            continue
        versions = page.head.hreflangs
        if versions.get(language_of(page.path)) != HOST + path_of(page.path):
            problems.append((page.path, "does not name itself", versions))
        for code, url in versions.items():
            twin = crawl.pages.get(local_path(crawl, url))
            if not twin or twin.status != 200:
                status = twin and twin.status
                problems.append((page.path, f"{code} version answers {status}", url))
            elif twin.head.hreflangs != versions:
                problems.append((page.path, f"{code} version differs", url))
    assert not problems, pformat(problems)


def test_the_switcher_leads_to_the_same_page_in_the_other_language(crawl):
    problems = []
    for page in crawl.html_pages():
        head = page.head
        for code, href in head.switcher.items():
            if code in head.hreflangs:
                if href != local_path(crawl, head.hreflangs[code]):
                    problems.append((page.path, code, href, head.hreflangs[code]))
            elif code not in head.switcher_missing:
                problems.append((page.path, code, "untranslated but not said"))
    assert not problems, pformat(problems)


def test_the_sitemap_lists_every_page_with_reciprocal_alternates(crawl):
    sections = {path.strip("/") for path in crawl.sitemap_sections}
    assert {
        "sitemap-pages.xml",
        "sitemap-organisations.xml",
        "sitemap-events.xml",
        "sitemap-ckreihe.xml",
        "sitemap-cknews.xml",
        "sitemap-news.xml",
    } <= sections
    problems = [
        (url, "not on the host it is served from")
        for url in crawl.sitemap_index + list(crawl.sitemap)
        if not url.startswith(HOST + "/")
    ]
    for url, alternates in crawl.sitemap.items():
        for code, twin in alternates.items():
            if crawl.sitemap.get(twin) != alternates:
                problems.append((url, code, twin))
        page = crawl.pages[path_of(url)]
        if page.status != 200 or page.head.hreflangs != alternates:
            problems.append((url, page.status, "page and sitemap disagree"))
    assert not problems, pformat(problems)


def test_url_paths_are_in_the_language_of_the_page(crawl):
    problems = []
    for page in crawl.html_pages():
        versions = page.head.hreflangs
        if language_of(page.path) != "en" or "de" not in versions:
            continue
        english = path_of(page.path).strip("/").split("/")[1:]
        german = path_of(versions["de"]).strip("/").split("/")[1:]
        object_slug = page.kind.endswith("-detail") and english[-1:]
        for en, de in zip(english, german, strict=False):
            if en != de or en.isdigit() or en in LANGUAGE_NEUTRAL_SEGMENTS:
                continue
            if object_slug and en == object_slug[0]:
                continue
            problems.append((page.path, en))
    # Pages that exist in one language only still have English paths.
    for page in crawl.html_pages():
        if language_of(page.path) == "en" and re.search(
            r"passwort|mein-bereich|aktuelles|termine|anmeld", path_of(page.path)
        ):
            problems.append((page.path, "German words"))
    assert not problems, pformat(problems)


def locked_login_page(client):
    """The login page's answer once failed attempts locked the login."""
    for attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(
            "/de/login/", {"username": "niemand", "password": f"falsch-{attempt}"}
        )
    assert response.status_code == 429
    return response.content.decode()


@pytest.mark.skipif(
    not VNU_JAR and not os.environ.get("REQUIRE_BROWSER"),
    reason="the Nu HTML Checker runs where VNU_JAR names its vnu.jar",
)
def test_one_page_of_each_kind_is_valid_html(client, crawl, tmp_path):
    assert VNU_JAR and shutil.which("java"), "VNU_JAR and Java are needed"
    samples = {}
    for page in sorted(crawl.html_pages(), key=lambda page: page.path):
        samples[(page.kind, language_of(page.path))] = (page.path, page.html)
    for path in ("/de/gibt-es-nicht/", "/en/no-such-page/"):
        samples[("404", language_of(path))] = (path, client.get(path).content.decode())
        samples[("503", language_of(path))] = (
            f"503 {path}",
            database_unavailable(RequestFactory().get(path)).content.decode(),
        )
    samples[("locked", "de")] = ("locked /de/login/", locked_login_page(client))
    files = {}
    for number, (path, html) in enumerate(samples.values()):
        file = tmp_path / f"{number:03}.html"
        file.write_text(html)
        files[str(file)] = path
    result = subprocess.run(
        ["java", "-jar", VNU_JAR, "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [
        (files[urlsplit(message["url"]).path], message["message"])
        for message in messages
    ]
    assert len(samples) >= 38
    assert not errors, pformat(errors)


@pytest.mark.parametrize(
    "path",
    [
        "/en/aktuelles/",
        "/de/news/",
        "/en/termine/",
        "/en/aktuelles/1-cknews-5-ist-erschienen-biobasierte-werkstoffe/",
        "/de/news/1-cknews-5-is-out-bio-based-materials/",
        "/en/news/1-cknews-5-ist-erschienen-biobasierte-werkstoffe/",
        "/en/passwort-vergessen/",
        "/de/forgot-password/",
    ],
)
def test_a_slug_of_the_wrong_language_redirects_once_or_is_not_found(client, path):
    response = client.get(path, follow=True)

    assert len(response.redirect_chain) <= 1
    assert response.status_code in (200, 404)
    if response.status_code == 404:
        assert response.content.decode().count("<h1") == 1
