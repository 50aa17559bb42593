"""Two gunicorn hosts sharing one PostgreSQL database, one Redis database and
one media folder (scripts/two_hosts.py): what is published, uploaded or
logged in on host A holds on host B at the next request."""

import importlib.util
import json
import os

import pytest
from django.utils import timezone

from tests.servers import PROJECT_DIR, Client, shell

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="several hosts share a PostgreSQL database (CI's PostgreSQL run has one)",
)

CACHE_URL = os.environ.get("TWO_HOSTS_CACHE_URL", "redis://127.0.0.1:6379/13")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def load_script():
    spec = importlib.util.spec_from_file_location(
        "two_hosts", PROJECT_DIR / "scripts" / "two_hosts.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def hosts(tmp_path_factory):
    script = load_script()
    database_url = os.environ["DATABASE_URL"] + "_two_hosts"
    env = script.prepare(database_url, CACHE_URL, tmp_path_factory.mktemp("hosts"))
    facts = json.loads(shell(env, "from tests.portal.site_content import fill; fill()"))
    with script.two_hosts(env) as (host_a, host_b):
        yield env, facts, host_a, host_b


def run(env, function, *arguments):
    call = f"{function}({', '.join(map(repr, arguments))})"
    return json.loads(
        shell(env, f"from tests.portal.site_content import {function}; {call}")
    )


def editor_on(host, facts):
    editor = Client(host)
    editor.login("redaktion", facts["password"])
    return editor


def test_a_page_published_on_a_shows_on_b_with_its_menu_and_plugin(hosts):
    env, facts, host_a, host_b = hosts
    visitor_b = Client(host_b)
    # B has the current page, menu and plugins in its cache.
    assert b"Cluster im \xc3\x9cberblick" not in visitor_b.get("/de/").body
    assert b"Zweiter Host" not in visitor_b.get("/de/das-cluster/").body
    draft = run(
        env, "draft_of_cluster_page", "Cluster im Überblick", "Zweiter Host sieht es."
    )

    editor = editor_on(host_a, facts)
    published = editor.post(
        f"/de/admin/djangocms_versioning/pagecontentversion/{draft['version']}/publish/",
        {},
    )

    assert published.status == 302
    page = visitor_b.get("/de/das-cluster/")
    assert page.status == 200
    assert b"Zweiter Host sieht es." in page.body
    assert "Cluster im Überblick".encode() in visitor_b.get("/de/").body


def test_an_organization_unpublished_on_a_is_gone_on_b(hosts):
    env, facts, host_a, host_b = hosts
    organization = run(env, "a_published_organization")
    visitor_b = Client(host_b)
    assert visitor_b.get(organization["path"]).status == 200

    editor = editor_on(host_a, facts)
    changed = editor.post(
        "/de/admin/members/organization/",
        {"action": "unpublish", "_selected_action": organization["pk"], "index": 0},
    )

    assert changed.status == 302
    assert visitor_b.get(organization["path"]).status == 404


def test_a_document_uploaded_on_a_downloads_from_b(hosts):
    _env, facts, host_a, host_b = hosts
    editor = editor_on(host_a, facts)
    uploaded = editor.post_multipart(
        "/de/admin/events/eventdocument/add/",
        {
            "number": "9001",
            "title_de": "Bericht vom zweiten Host",
            "title_en": "Report from the second host",
            "description_de": "",
            "description_en": "",
            "event": "",
            "kind": "report",
            "language": "de",
            "publication_date": timezone.localdate().isoformat(),
            "visibility": "members",
        },
        {"file": ("bericht.pdf", PDF, "application/pdf")},
    )
    assert uploaded.status == 302, uploaded.body[:2000]
    download = facts["download_path"].replace("/4711/", "/9001/")

    assert Client(host_b).get(download).status == 302  # to the login
    member_b = Client(host_b)
    member_b.login(facts["member"], facts["password"])
    response = member_b.get(download)
    assert response.status == 200
    assert response.body == PDF


def test_a_login_on_a_is_valid_on_b(hosts):
    _env, facts, host_a, host_b = hosts
    member_a = Client(host_a)
    member_a.login(facts["member"], facts["password"])
    assert Client(host_b).get("/de/mein-bereich/").status == 302

    member_b = Client(host_b)
    member_b.cookies = dict(member_a.cookies)
    response = member_b.get("/de/mein-bereich/")

    assert response.status == 200
    assert facts["member"].encode() in response.body
