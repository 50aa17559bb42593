"""Production-like portal processes for tests and scripts: management
commands and gunicorn in an environment of their own, and a small HTTP client
that keeps its cookies."""

import contextlib
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(workdir, database_url, cache_url="locmemcache://", **extra):
    """The environment of a portal with DEBUG off on plain HTTP, its files in
    ``workdir``."""
    workdir = Path(workdir)
    return (
        os.environ
        | {
            "DEBUG": "0",
            "SECRET_KEY": "tests-and-scripts-only-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "CACHE_URL": cache_url,
            "EMAIL_URL": "consolemail://",
            "MEDIA_ROOT": str(workdir / "media"),
            "PRIVATE_MEDIA_ROOT": str(workdir / "private_media"),
            "STATIC_ROOT": str(workdir / "static"),
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
        }
        | extra
    )


def manage(env, *arguments, check=True):
    """Run a management command in ``env``; returns the finished process."""
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    if check and result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(arguments)} failed:\n{result.stdout}{result.stderr}"
        )
    return result


def shell(env, code):
    """The output of Python ``code`` run in the site's Django shell."""
    return manage(env, "shell", "--no-imports", "--command", code).stdout


def recreate_postgres_database(url):
    """Drop and create the PostgreSQL database of ``url``, empty."""
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_postgres_database(url):
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_gunicorn(env, port=None, workers=2, log=subprocess.DEVNULL):
    """Start gunicorn serving the portal and wait until it answers; returns
    the process and its base URL."""
    port = port or free_port()
    executable = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    server = subprocess.Popen(
        [
            executable,
            "cluster_portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
        ],
        cwd=PROJECT_DIR,
        env=env | {"SITE_DOMAIN": env.get("SITE_DOMAIN", f"127.0.0.1:{port}")},
        stdout=log,
        stderr=log,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base_url + "/de/", server)
    except BaseException:
        server.kill()
        raise
    return server, base_url


@contextlib.contextmanager
def gunicorn(env, port=None, workers=2):
    """A running gunicorn serving the portal; yields its base URL."""
    server, base_url = start_gunicorn(env, port, workers)
    try:
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=20)


def wait_until_up(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited early.")
        try:
            Client(url).get(urllib.parse.urlsplit(url).path)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer at {url}.")


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name, default=None):
        return self.headers.get(name.lower(), default)


class Client:
    """An HTTP client for one site that keeps its cookies, Secure ones
    included (the test servers speak plain HTTP on the loopback interface)."""

    def __init__(self, base_url, timeout=30):
        self.base_url = base_url
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.timeout = timeout
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=self.timeout
        )
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            body = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    cookie = value.split(";", 1)[0]
                    key, _, cookie_value = cookie.partition("=")
                    self.cookies[key.strip()] = cookie_value.strip('"')
            headers = {name.lower(): value for name, value in response.getheaders()}
            return Response(response.status, headers, body)
        finally:
            connection.close()

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post_form(self, path, data):
        """Post a form from ``path``, with the CSRF token its page carries."""
        page = self.get(path)
        match = CSRF_INPUT.search(page.body)
        if not match:
            raise AssertionError(f"{path} has no form with a CSRF token.")
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": match.group(1).decode(), **data}
        )
        return self.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": self.base_url + path,
            },
        )

    def post(self, path, data):
        """Post a form to ``path`` with the CSRF cookie's token."""
        return self.request(
            "POST",
            path,
            body=urllib.parse.urlencode(
                {"csrfmiddlewaretoken": self.cookies["csrftoken"], **data}, doseq=True
            ),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": self.base_url + path,
            },
        )

    def post_multipart(self, path, data, files):
        """Post a multipart form from ``path``; ``files`` maps a field to
        ``(file name, bytes, content type)``."""
        page = self.get(path)
        match = CSRF_INPUT.search(page.body)
        if not match:
            raise AssertionError(f"{path} has no form with a CSRF token.")
        boundary = "----portal-test-boundary"
        parts = []
        fields = {"csrfmiddlewaretoken": match.group(1).decode(), **data}
        for name, value in fields.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
                f"\r\n\r\n{value}\r\n".encode()
            )
        for name, (filename, content, content_type) in files.items():
            head = (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
            )
            parts.append(head.encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(
            "POST",
            path,
            body=b"".join(parts),
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Referer": self.base_url + path,
            },
        )

    def login(self, username, password, path="/de/login/"):
        response = self.post_form(path, {"username": username, "password": password})
        if response.status != 302:
            raise AssertionError(f"Login as {username} failed ({response.status}).")
        return response


LOC = re.compile(rb"<loc>([^<]+)</loc>")


def sitemap_paths(client):
    """The path of every page the site's sitemaps list, sorted."""
    paths = set()
    index = client.get("/sitemap.xml")
    for section in LOC.findall(index.body):
        section_path = urllib.parse.urlsplit(section.decode()).path
        for loc in LOC.findall(client.get(section_path).body):
            paths.add(urllib.parse.urlsplit(loc.decode()).path)
    return sorted(paths)
