#!/usr/bin/env python
"""Print the SQL queries per request of pages served as in production.

Runs gunicorn with DEBUG off on PostgreSQL and Redis, in a fresh database
filled by load_demo_content, and requests each page once cold (empty cache)
and then warm. Needs PostgreSQL and Redis on 127.0.0.1 (override with
BENCH_DATABASE_URL and BENCH_CACHE_URL).

    .venv/bin/python scripts/measure_queries.py
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import redis

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cluster_portal_bench"
)
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/15")
PAGES = ["/de/", "/en/", "/de/das-cluster/", "/de/handlungsfelder/innovation/"]
WARM_REPEATS = 5


def recreate_database(url):
    name = url.rsplit("/", 1)[1]
    server_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def main():
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix="measure-queries-"))
    env = os.environ | {
        "DEBUG": "0",
        "SECRET_KEY": "measurement-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": DATABASE_URL,
        "CACHE_URL": CACHE_URL,
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "SECURE_SSL_REDIRECT": "0",
    }
    recreate_database(DATABASE_URL)
    manage = [sys.executable, "manage.py"]
    for command in (
        ["migrate", "--noinput"],
        ["load_demo_content"],
        ["collectstatic", "--noinput"],
    ):
        subprocess.run(
            manage + command, cwd=PROJECT_DIR, env=env, check=True, capture_output=True
        )
    redis.Redis.from_url(CACHE_URL).flushdb()

    log_path = workdir / "gunicorn.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "cluster_portal.wsgi",
                "--config",
                "scripts/gunicorn_query_count.py",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=PROJECT_DIR,
            env=env,
            stderr=log,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while "Booting worker" not in log_path.read_text():
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("gunicorn did not start:\n" + log_path.read_text())
                time.sleep(0.2)
            time.sleep(0.5)
            timings = {}
            for page in PAGES:
                get(base + page)
                started = time.perf_counter()
                for _ in range(WARM_REPEATS):
                    assert get(base + page) == 200, page
                timings[page] = (time.perf_counter() - started) / WARM_REPEATS * 1000
            time.sleep(0.5)
        finally:
            server.terminate()
            server.wait(timeout=10)

    counts = {}
    for path, count in re.findall(r"^QUERIES (\S+) (\d+)$", log_path.read_text(), re.M):
        counts.setdefault(path, []).append(int(count))
    print("gunicorn, DEBUG=0, PostgreSQL, Redis cache, demo content")
    print(f"{'page':40} {'cold':>5} {'warm':>5} {'warm ms':>8}")
    for page in PAGES:
        cold, *warm = counts[page]
        print(f"{page:40} {cold:5d} {max(warm):5d} {timings[page]:8.1f}")


if __name__ == "__main__":
    main()
