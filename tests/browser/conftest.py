"""A production-like server (gunicorn, DEBUG off, its own SQLite database)
and Debian's Chromium driven by Playwright."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# A staff account on the live site, for the editing journeys.
EDITOR = ("editor", "a-long-editor-password-for-tests")

# The member account that live_member makes.
MEMBER = ("ckreihe-mitglied", "a-long-member-password-for-tests")

CREATE_MEMBER = f"""
from django.contrib.auth import get_user_model
from members.models import MemberAccount, Organization
user, _ = get_user_model().objects.get_or_create(username={MEMBER[0]!r})
user.set_password({MEMBER[1]!r})
user.is_active = True
user.save()
members = Organization.objects.filter(is_member=True)
organization = members.first() or Organization.objects.first()
MemberAccount.objects.get_or_create(
    user=user, defaults={{"organization": organization}}
)
"""


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("REQUIRE_BROWSER"):
        raise pytest.UsageError(f"REQUIRE_BROWSER is set but {CHROMIUM} is missing.")
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("The test server exited early.")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"The test server did not answer at {url}.")


@pytest.fixture(scope="session")
def live_site_dir(tmp_path_factory):
    """The live site's folder: database, media, and ``mail/``, where every
    e-mail the site sends lands as a file."""
    return tmp_path_factory.mktemp("live_site")


# The live site's workers share a Redis cache, as production hosts do; test
# runs side by side on one machine each name a Redis database of their own.
LIVE_SITE_CACHE_URL = os.environ.get("LIVE_SITE_CACHE_URL", "redis://127.0.0.1:6379/14")


@pytest.fixture(scope="session")
def live_site_env(live_site_dir):
    """The environment the live site runs with; a management command run with
    it works on the live site's database."""
    workdir = live_site_dir
    port = free_port()
    return os.environ | {
        "DEBUG": "0",
        "SECRET_KEY": "browser-tests-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_DOMAIN": f"127.0.0.1:{port}",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "CACHE_URL": LIVE_SITE_CACHE_URL,
        "EMAIL_URL": f"filemail:///{workdir / 'mail'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private_media"),
        "STATIC_ROOT": str(workdir / "static"),
        # No web server in front: Django serves the demo's photos.
        "SERVE_MEDIA": "1",
        # Plain HTTP on the loopback interface.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "DJANGO_SUPERUSER_USERNAME": EDITOR[0],
        "DJANGO_SUPERUSER_PASSWORD": EDITOR[1],
        "DJANGO_SUPERUSER_EMAIL": "editor@example.org",
    }


@pytest.fixture(scope="session")
def live_site(live_site_env):
    """Base URL of the portal, served by gunicorn with the demo content."""
    import redis

    env = live_site_env
    redis.Redis.from_url(LIVE_SITE_CACHE_URL).flushdb()
    manage = [sys.executable, "manage.py"]
    for command in (
        ["migrate", "--noinput"],
        ["load_demo_content"],
        ["createsuperuser", "--noinput"],
        ["collectstatic", "--noinput"],
    ):
        subprocess.run(
            manage + command, cwd=PROJECT_DIR, env=env, check=True, capture_output=True
        )
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    server = subprocess.Popen(
        [
            gunicorn,
            "cluster_portal.wsgi",
            "--bind",
            env["SITE_DOMAIN"],
            "--workers",
            "2",
        ],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # The background worker, as production runs one next to gunicorn.
    worker = subprocess.Popen(
        manage + ["run_worker", "--no-reload", "--no-startup-delay"],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://{env['SITE_DOMAIN']}"
    try:
        wait_until_up(f"{base_url}/de/", server)
        yield base_url
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class PageWatch:
    """What a page did that a visitor must never suffer."""

    def __init__(self, base_url):
        self.site_host = urlsplit(base_url).netloc
        self.console_errors = []
        self.foreign_requests = []
        self.documents = set()

    def on_console(self, message):
        if message.type != "error":
            return
        # Chromium reports a 404 page as a failed load of the document itself;
        # broken images, styles or scripts still count.
        if message.location.get("url") in self.documents and message.text.startswith(
            "Failed to load resource"
        ):
            return
        self.console_errors.append(f"{message.text} ({message.location})")

    def on_page_error(self, error):
        self.console_errors.append(str(error))

    def on_request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.netloc != self.site_host:
            self.foreign_requests.append(request.url)
        if request.is_navigation_request():
            self.documents.add(request.url)


@pytest.fixture
def site_page(browser, live_site, request):
    """A fresh browser tab on the live site; the test fails on any console
    error and on any request to another host."""
    width, height = getattr(request, "param", (1280, 900))
    context = browser.new_context(
        base_url=live_site, viewport={"width": width, "height": height}
    )
    page = context.new_page()
    watch = PageWatch(live_site)
    page.on("console", watch.on_console)
    page.on("pageerror", watch.on_page_error)
    page.on("request", watch.on_request)
    yield page
    context.close()
    assert watch.console_errors == [], "console errors"
    assert watch.foreign_requests == [], "requests to other hosts"


@pytest.fixture(scope="session")
def live_member(live_site, live_site_env):
    """A member account of the first demo member organisation on the live site."""
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", CREATE_MEMBER],
        cwd=PROJECT_DIR,
        env=live_site_env,
        check=True,
        capture_output=True,
    )
    return MEMBER
