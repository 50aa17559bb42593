"""Every kind of content change reaches visitors on every host at once.

Two gunicorn processes ("hosts") share one SQLite database and one Redis,
as production hosts share PostgreSQL and Redis; the changes are made by a
third process (``manage.py shell``), as an editor's admin request or an
import would be on any host.
"""

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import free_port, wait_until_up

PROJECT_DIR = Path(__file__).resolve().parents[2]
# Runs side by side on one machine each name a Redis database of their own.
REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
# Both hosts serve one site name, as behind a load balancer.
HOST_NAME = "portal.test"


@pytest.fixture(scope="module")
def site_env(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("two_hosts")
    env = os.environ | {
        "DEBUG": "0",
        "SECRET_KEY": "two-hosts-tests-only-" + "x" * 40,
        "ALLOWED_HOSTS": f"127.0.0.1,{HOST_NAME}",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "CACHE_URL": REDIS_URL,
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private_media"),
        "STATIC_ROOT": str(workdir / "static"),
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
    }
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    for command in (
        ["migrate", "--noinput"],
        ["load_demo_content"],
        ["collectstatic", "--noinput"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=PROJECT_DIR,
            env=env,
            check=True,
            capture_output=True,
        )
    return env


@pytest.fixture(scope="module")
def hosts(site_env):
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    servers, urls = [], []
    for _ in range(2):
        address = f"127.0.0.1:{free_port()}"
        servers.append(
            subprocess.Popen(
                [gunicorn, "cluster_portal.wsgi", "--bind", address, "--workers", "1"],
                cwd=PROJECT_DIR,
                env=site_env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        urls.append(f"http://{address}")
    try:
        for url, server in zip(urls, servers, strict=True):
            wait_until_up(f"{url}/de/", server)
        yield urls
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


def change(site_env, code):
    """Run Python code against the site's database and cache; returns what
    it prints."""
    setup = "from django.utils import translation, timezone; import datetime\n"
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", setup + code],
        cwd=PROJECT_DIR,
        env=site_env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def url_of(site_env, expression):
    return change(
        site_env,
        "from django.urls import reverse\n"
        f"with translation.override('de'): print({expression})",
    )


def page(host, path):
    request = urllib.request.Request(host + path, headers={"Host": HOST_NAME})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode()


def cached_everywhere(hosts, path):
    """Fill the shared cache from one host; the other gets the same page."""
    first = page(hosts[0], path)
    assert page(hosts[1], path) == first
    return first


CHANGES = {
    "a published page version": (
        "'/de/das-cluster/'",
        "from cms.models import PageContent\n"
        "from djangocms_versioning.models import Version\n"
        "from django.contrib.auth.models import User\n"
        "editor = User.objects.get(username='demo-content')\n"
        "content = PageContent.objects.get(page__reverse_id='cluster',"
        " language='de')\n"
        "draft = Version.objects.get_for_content(content).copy(editor)\n"
        "draft.content.title = draft.content.page_title = 'Neuer Seitentitel'\n"
        "draft.content.save()\n"
        "draft.publish(editor)\n",
        "Neuer Seitentitel",
    ),
    "a saved organisation": (
        "reverse('members:organization-list')",
        "from members.models import Organization\n"
        "o = Organization.objects.filter(is_published=True).first()\n"
        "o.name = 'AAA Umbenannte Chemie GmbH'; o.save()\n",
        "AAA Umbenannte Chemie GmbH",
    ),
    "a saved person": (
        "'/de/clustersprecher/'",
        "from members.models import Person\n"
        "p = Person.objects.get(last_name='Mühlhaus')\n"
        "p.last_name = 'Neuname'; p.save()\n",
        "Neuname",
    ),
    "a saved event": (
        "reverse('events:event-list')",
        "from events.models import Event\n"
        "e = Event.objects.published().upcoming().first()\n"
        "e.title_de = 'Umbenannter Termin'; e.save()\n",
        "Umbenannter Termin",
    ),
    "a saved document": (
        "reverse('ckreihe:document-list')",
        "from events.models import EventDocument\n"
        "d = EventDocument.objects.first()\n"
        "d.title_de = 'Neuer Dokumenttitel'; d.save()\n",
        "Neuer Dokumenttitel",
    ),
    "a document's visibility": (
        "__import__('events.models').models.EventDocument.objects.public()"
        ".first().get_absolute_url()",
        "from events.models import EventDocument\n"
        "d = EventDocument.objects.public().first()\n"
        "d.visibility = EventDocument.Visibility.MEMBERS; d.save()\n"
        "with translation.override('de'): print(d.get_visibility_display())",
        None,  # the new visibility, as the change prints it
    ),
    "a saved news item": (
        "reverse('news:news-list')",
        "from newsletter.models import NewsItem\n"
        "n = NewsItem.objects.visible().first()\n"
        "n.title_de = 'Neue Meldung im Cache'; n.save()\n",
        "Neue Meldung im Cache",
    ),
    "a saved CKnews issue": (
        "reverse('newsletter:issue-list')",
        "from newsletter.models import Issue\n"
        "i = Issue.objects.published().first()\n"
        "i.theme_de = 'Neue Ausgabe im Cache'; i.save()\n",
        "Neue Ausgabe im Cache",
    ),
    "an approved member change": (
        "__import__('members.models').models.Organization.objects"
        ".get(slug='beispiel-chemielogistik-halle-gmbh').get_absolute_url()",
        "from members.models import Organization, OrganizationChange\n"
        "from members.services import approve_change\n"
        "from django.contrib.auth.models import User\n"
        "o = Organization.objects.get(slug='beispiel-chemielogistik-halle-gmbh')\n"
        "c = OrganizationChange(organization=o,"
        " **{f: getattr(o, f) for f in OrganizationChange.FIELDS})\n"
        "c.phone = '0345 4711 0815'; c.save()\n"
        "approve_change(c, User.objects.get(username='demo-content'))\n",
        "0345 4711 0815",
    ),
    "an import": (
        "reverse('members:organization-list')",
        "from django.core.files.uploadedfile import SimpleUploadedFile\n"
        "from members.importing import import_organizations\n"
        "text = 'Name;Art;Veröffentlicht\\nAAA Importierte Chemie e.V.;Verband;ja\\n'\n"
        "with translation.override('de'):\n"
        "    import_organizations(SimpleUploadedFile('a.csv', text.encode(),"
        " content_type='text/csv'), dry_run=False)\n",
        "AAA Importierte Chemie e.V.",
    ),
}


@pytest.mark.parametrize("kind", CHANGES)
def test_a_change_is_visible_on_every_host_at_once(hosts, site_env, kind):
    expression, code, expected = CHANGES[kind]
    path = url_of(site_env, expression)
    before = cached_everywhere(hosts, path)

    printed = change(site_env, code)

    expected = expected or printed
    assert expected not in before
    for host in reversed(hosts):
        assert expected in page(host, path)


def test_a_news_item_appears_when_its_window_opens(hosts, site_env):
    path = url_of(site_env, "reverse('news:news-list')")
    change(
        site_env,
        "from newsletter.models import NewsItem\n"
        "n = NewsItem.objects.visible().first()\n"
        "n.pk = None; n.title_de = 'Geplante Meldung'\n"
        "n.publish_from = timezone.now() + datetime.timedelta(seconds=6); n.save()\n",
    )
    assert "Geplante Meldung" not in cached_everywhere(hosts, path)

    time.sleep(7)

    for host in hosts:
        assert "Geplante Meldung" in page(host, path)


def test_an_event_leaves_the_upcoming_list_when_it_has_passed(hosts, site_env):
    path = url_of(site_env, "reverse('events:event-list')")
    change(
        site_env,
        "from events.models import Event\n"
        "e = Event.objects.published().upcoming().first()\n"
        "e.pk = None; e.uid = __import__('uuid').uuid4(); e.slug = 'gleich-vorbei'\n"
        "e.title_de = 'Gleich vorbei'; e.start = timezone.now()\n"
        "e.end = e.start + datetime.timedelta(seconds=6); e.save()\n",
    )
    assert "Gleich vorbei" in cached_everywhere(hosts, path)

    time.sleep(7)

    for host in hosts:
        assert "Gleich vorbei" not in page(host, path)
