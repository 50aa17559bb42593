"""The worker as production runs it: separate processes on a database of
their own, a real SMTP server, SIGKILL in the middle of a send, and a send
started on one host and processed by a worker with another host's
environment."""

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from .smtp import SMTPServer

PROJECT_DIR = Path(__file__).resolve().parents[2]
SUBSCRIBERS = 20


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def database_url(tmp_path_factory):
    """A database the processes share: PostgreSQL when the tests run on it
    (a database of its own next to the test database), else a SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path_factory.mktemp('worker') / 'db.sqlite3'}"
        return
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'portal'}_worker"
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    yield parts._replace(path=f"/{name}").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def host_env(database_url, tmp_path_factory):
    """The environment of a production host; hosts differ in their folder
    for temporary files and share the database and the media folder."""
    shared = tmp_path_factory.mktemp("shared")

    def environment(host):
        own = tmp_path_factory.mktemp(f"host_{host}")
        return os.environ | {
            "DEBUG": "0",
            "SECRET_KEY": "worker-tests-only-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(shared / "media"),
            "PRIVATE_MEDIA_ROOT": str(shared / "private_media"),
            "STATIC_ROOT": str(shared / "static"),
            "TMPDIR": str(own),
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "NEWSLETTER_SEND_BATCH_SIZE": "4",
            "NEWSLETTER_SEND_TASK_SECONDS": "1",
            "TASKS_STALE_AFTER": "2",
            "DJANGO_SUPERUSER_USERNAME": "editor",
            "DJANGO_SUPERUSER_PASSWORD": "a-long-editor-password-for-tests",
            "DJANGO_SUPERUSER_EMAIL": "editor@example.org",
        }

    setup = environment("setup")
    manage(setup, "migrate", "--noinput")
    # The mails link to the apps' pages, which the CMS page tree provides.
    manage(setup, "load_demo_content")
    return environment


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def shell(env, code):
    return manage(env, "shell", "--no-imports", "-c", code)


SETUP = """
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from newsletter.models import Delivery, Issue, Subscriber
DBTaskResult.objects.all().delete()
Delivery.objects.all().delete()
Issue.objects.all().delete()
Subscriber.objects.all().delete()
Issue.objects.create(number=900, year=2026, quarter=1, theme_de="Test",
                     is_published=True)
Subscriber.objects.bulk_create(
    Subscriber(email=f"reader{n}@example.org", status="confirmed",
               confirmed_at=timezone.now())
    for n in range(COUNT)
)
""".replace("COUNT", str(SUBSCRIBERS))

STATE = """
import json
from django_tasks_db.models import DBTaskResult
from newsletter import services
from newsletter.models import Issue
p = services.send_progress(Issue.objects.get(number=900))
print(json.dumps({"sent": p.sent, "failed": p.failed, "uncertain": p.uncertain,
                  "remaining": p.remaining, "deferred": p.deferred,
                  "running": DBTaskResult.objects.filter(status="RUNNING").count(),
                  "ready": DBTaskResult.objects.filter(status="READY").count()}))
"""


def state(env):
    return json.loads(shell(env, STATE).strip().splitlines()[-1])


def start_worker(env, smtp):
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "run_worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0.2",
        ],
        cwd=PROJECT_DIR,
        env=env | {"EMAIL_URL": smtp.email_url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


def everyone_once(smtp):
    expected = {f"reader{n}@example.org": 1 for n in range(SUBSCRIBERS)}
    return smtp.handler.counts() == expected


def stop(process):
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def test_a_worker_killed_mid_send_is_replaced_and_nobody_is_mailed_twice(host_env):
    env = host_env("a")
    shell(env, SETUP)
    with SMTPServer() as smtp:
        killed = threading.Event()
        worker = None

        def kill_at_the_seventh(message):
            # The server has the 7th message but has not answered yet: the
            # worker dies not knowing whether it was accepted.
            if len(smtp.handler.received) == 7 and not killed.is_set():
                os.kill(worker.pid, signal.SIGKILL)
                killed.set()

        smtp.handler.on_message = kill_at_the_seventh
        manage(env, "send_cknews", "900", "--background")
        worker = start_worker(env, smtp)
        assert killed.wait(90)
        assert worker.wait(timeout=10) == -signal.SIGKILL
        interrupted = state(env)

        replacement = start_worker(env, smtp)
        try:
            wait_for(lambda: len(smtp.handler.received) >= SUBSCRIBERS)
            wait_for(lambda: state(env)["ready"] + state(env)["running"] == 0)
        finally:
            stop(replacement)
        final = state(env)

    assert interrupted["running"] == 1  # the killed worker's task
    assert interrupted["sent"] == 6 and interrupted["uncertain"] == 1
    assert everyone_once(smtp)
    assert final == {
        "sent": SUBSCRIBERS - 1,
        "failed": 0,
        "uncertain": 1,  # the 7th: delivered, but the worker never heard so
        "remaining": 0,
        "deferred": 0,
        "running": 0,
        "ready": 0,
    }


class Browser:
    """Just enough of a browser for the admin: cookies and CSRF tokens."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = {}

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body)
        request.add_header(
            "Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        )
        opener = urllib.request.build_opener(NoRedirect)
        response = opener.open(request, timeout=30)
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";")[0].split("=", 1)
            self.cookies[name] = value
        return response.status, response.read().decode()

    def csrf_token(self, page):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_302(self, request, response, code, message, headers):
        return response


def test_a_send_started_on_host_a_is_sent_once_by_workers_on_both_hosts(host_env):
    env_a, env_b = host_env("a"), host_env("b")
    shell(env_a, SETUP)
    manage(env_a, "collectstatic", "--noinput")
    manage(env_a, "createsuperuser", "--noinput")
    port = free_port()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    host_a = subprocess.Popen(
        [gunicorn, "cluster_portal.wsgi", "--bind", f"127.0.0.1:{port}"],
        cwd=PROJECT_DIR,
        env=env_a,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    browser = Browser(f"http://127.0.0.1:{port}")
    try:
        wait_for(lambda: _answers(browser, "/de/admin/login/"), timeout=30)
        _status, page = browser.request("/de/admin/login/")
        status, _page = browser.request(
            "/de/admin/login/",
            {
                "csrfmiddlewaretoken": browser.csrf_token(page),
                "username": "editor",
                "password": "a-long-editor-password-for-tests",
                "next": "/de/admin/",
            },
        )
        assert status == 302
        issue_id = shell(
            env_a,
            "from newsletter.models import Issue;"
            "print(Issue.objects.get(number=900).pk)",
        ).strip()
        send_path = f"/de/admin/newsletter/issue/{issue_id}/send/"
        _status, page = browser.request(send_path)
        status, _page = browser.request(
            send_path,
            {"csrfmiddlewaretoken": browser.csrf_token(page), "action": "send"},
        )
        assert status == 302
        queued = state(env_b)
        with SMTPServer() as smtp:
            workers = [start_worker(env_b, smtp), start_worker(env_a, smtp)]
            try:
                wait_for(lambda: len(smtp.handler.received) >= SUBSCRIBERS)
                wait_for(lambda: state(env_b)["ready"] + state(env_b)["running"] == 0)
                time.sleep(1)
            finally:
                for worker in workers:
                    stop(worker)
            _status, progress_page = browser.request(send_path)
    finally:
        host_a.terminate()
        host_a.wait(timeout=10)

    assert queued["ready"] == 1 and queued["sent"] == 0
    assert everyone_once(smtp)
    assert state(env_b)["sent"] == SUBSCRIBERS
    assert f'id="progress-sent">{SUBSCRIBERS}<' in progress_page


def _answers(browser, path):
    try:
        return browser.request(path)[0] == 200
    except OSError:
        return False
