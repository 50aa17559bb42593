#!/usr/bin/env python
"""Print req/s, p50, p99 and queries per request of every page type.

Creates a PostgreSQL database with the demo content plus 1,000
organisations, 5,000 events, 2,000 CKreihe documents and 500 news items,
serves it with gunicorn (one sync worker, DEBUG off, Redis cache) and a bare
hello-world Django app with the same gunicorn command, and loads each page
with wrk (apt-get install wrk). Cache misses vary the query string on every
request (a wrk Lua script). Each page's cost in-process, without gunicorn
and wrk sharing the two cores, is measured too, and a second table shows
what a miss cannot go below: the middleware, the shell and the SQL alone.
Needs PostgreSQL and Redis on 127.0.0.1.

    .venv/bin/python scripts/benchmark_pages.py

BENCH_DATABASE_URL and BENCH_CACHE_URL choose the database and Redis db
(both are emptied); BENCH_SECONDS and BENCH_CONNECTIONS the wrk load.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

SCRIPT = Path(__file__).resolve()
PROJECT_DIR = SCRIPT.parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cluster_portal_pages"
)
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/12")
SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
BIN = Path(sys.executable).parent

HELLO_APP = """
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False, ALLOWED_HOSTS=["*"], ROOT_URLCONF=__name__, MIDDLEWARE=[]
)
urlpatterns = [path("", lambda request: HttpResponse("Hello, world"))]
application = get_wsgi_application()
"""

# Every request asks for a new query string: a cache miss each time. Each
# wrk thread counts from its own million, so no two requests are the same;
# the URL's {n} is the counter, {o} it modulo 1,000 (an organiser's number).
VARYING_LUA = """
local threads = 0
function setup(thread)
    thread:set("id", threads)
    threads = threads + 1
end
function init(args)
    counter = id * 1000000
end
request = function()
    counter = counter + 1
    local url = string.gsub(URL, "{n}", counter)
    url = string.gsub(url, "{o}", string.format("%%04d", counter %% 1000))
    return wrk.format("GET", url)
end
"""


def load_data():
    """Runs in a child process with the benchmark's environment."""
    import datetime
    import uuid

    import django

    sys.path.insert(0, str(PROJECT_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cluster_portal.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from events.models import Category, Event, EventDocument, FieldOfAction
    from members.models import Organization, Sector
    from newsletter.models import NewsItem

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    call_command("collectstatic", interactive=False, verbosity=0)
    sectors = list(Sector.objects.all())
    organizations = Organization.objects.bulk_create(
        Organization(
            name=f"Messbetrieb {number:04d} GmbH",
            slug=f"messbetrieb-{number:04d}",
            kind=Organization.Kind.COMPANY,
            city="Halle (Saale)",
            federal_state=("sachsen", "sachsen-anhalt", "thueringen")[number % 3],
            description_de="Ein Betrieb für die Messung.",
            is_published=True,
        )
        for number in range(1000)
    )
    Organization.sectors.through.objects.bulk_create(
        Organization.sectors.through(organization=organization, sector=sector)
        for index, organization in enumerate(organizations)
        for sector in sectors[index % 3 : index % 3 + 2]
    )
    categories = list(Category.objects.all())
    fields = list(FieldOfAction.objects.all())
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    events = []
    for number in range(5000):
        start = now + datetime.timedelta(hours=(number - 2500) * 7)
        end = start + datetime.timedelta(hours=2)
        events.append(
            Event(
                uid=uuid.uuid4(),
                slug=f"messtermin-{number:04d}",
                title=f"Messtermin {number}",
                title_de=f"Messtermin {number}",
                title_en=f"Test event {number}",
                teaser_de="Ein Termin für die Messung.",
                category=categories[number % len(categories)],
                organizer=organizations[number % 1000],
                start=start,
                end=end,
                start_date=timezone.localtime(start).date(),
                end_date=timezone.localtime(end).date(),
                city="Halle (Saale)",
                federal_state="sachsen-anhalt",
                is_published=True,
            )
        )
    events = Event.objects.bulk_create(events, batch_size=500)
    Event.fields_of_action.through.objects.bulk_create(
        Event.fields_of_action.through(event=event, fieldofaction=fields[i % 3])
        for i, event in enumerate(events)
    )
    past = [event for event in events if event.end < now]
    EventDocument.objects.bulk_create(
        EventDocument(
            number=10000 + number,
            title=f"Tagungsband {number}",
            title_de=f"Tagungsband {number}",
            title_en=f"Proceedings {number}",
            kind=EventDocument.Kind.PROCEEDINGS,
            event=past[number % len(past)],
            publication_date=timezone.localdate(past[number % len(past)].end),
            visibility=(
                EventDocument.Visibility.PUBLIC,
                EventDocument.Visibility.MEMBERS,
            )[number % 2],
            file=f"ckreihe/messung-{number}.pdf",
            content_type="application/pdf",
        )
        for number in range(2000)
    )
    NewsItem.objects.bulk_create(
        NewsItem(
            title=f"Messmeldung {number}",
            title_de=f"Messmeldung {number}",
            title_en=f"Test news {number}",
            teaser_de="Eine Meldung für die Messung.",
            date=timezone.localdate() - datetime.timedelta(days=number),
        )
        for number in range(500)
    )
    # bulk_create sends no signals: index the scaled data for the site search.
    call_command("rebuild_search_index", stdout=open(os.devnull, "w"))
    # A running database has statistics (autovacuum); a fresh bulk load not yet.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def urls():
    """Runs in a child process: one URL per page type."""
    import django

    sys.path.insert(0, str(PROJECT_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cluster_portal.settings")
    django.setup()
    from django.urls import reverse
    from django.utils import translation

    from events.models import Event
    from newsletter.models import NewsItem

    with translation.override("de"):
        atlas = reverse("members:organization-list")
        calendar = reverse("events:event-list")
        event = Event.objects.published().upcoming().last()
        pages = {
            "homepage": "/de/",
            "CMS content page": "/de/das-cluster/",
            "Clusteratlas list": atlas,
            "Clusteratlas by state and sector": atlas + "?state=sachsen&sector=chemie",
            "organisation": atlas + "messbetrieb-0500/",
            "calendar list": calendar,
            "month view": f"{calendar}{event.start.year}/{event.start.month}/",
            "event": event.get_absolute_url(),
            "CKreihe list": reverse("ckreihe:document-list"),
            "news list": reverse("news:news-list"),
            "news item": NewsItem.objects.visible().first().get_absolute_url(),
            "CKnews archive": reverse("newsletter:issue-list"),
        }
        # The calendar has no search: its miss is a list by another
        # organiser each time (each has upcoming events).
        misses = {
            "miss: Clusteratlas search": atlas + "?q=Messbetrieb+{n}",
            "miss: calendar by organiser": calendar
            + "?organizer=messbetrieb-{o}&n={n}",
            "miss: site search": reverse("search:results") + "?q=Messbetrieb+{n}",
            # A page with no shell, rendered by its view as on a first visit.
            "miss: organisation, first visit": atlas + "messbetrieb-{o}/?n={n}",
        }
    for name, url in (pages | misses).items():
        print(f"{name}\t{url}")


def in_process():
    """Runs in a child process: milliseconds per request of each page (the
    URLs come on stdin), calling the WSGI application as gunicorn does and
    closing each response; the same URL for a cached page, a new query
    string each time for a miss, after 20 requests that warm the process.
    Then what a miss cannot go below (see ``floors``)."""
    sys.path.insert(0, str(PROJECT_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cluster_portal.settings")
    from cluster_portal.wsgi import application

    get = wsgi_getter(application)
    pages = dict(line.split("\t") for line in sys.stdin.read().splitlines())
    for name, url in pages.items():
        print(f"{name}\t{milliseconds(get, url):.2f}")
    for name, value in floors(get, pages).items():
        print(f"{name}\t{value}")


def wsgi_getter(application):
    import io

    def get(url):
        path, _, query = url.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }
        statuses = []
        body = application(environ, lambda status, headers: statuses.append(status))
        b"".join(body)
        body.close()
        assert statuses[0].startswith("200"), f"{url}: {statuses[0]}"

    return get


def milliseconds(get, url, first=3_000_001):
    """Per request, of 200 after 20 that warm; each a new query string for a
    URL with {n} (numbers beyond those the wrk threads count with)."""
    numbers = range(first, first + 220)
    urls = [url.format(n=n, o=f"{n % 1000:04d}") for n in numbers]
    for warm in urls[:20]:
        get(warm)
    start = time.perf_counter()
    for each in urls[20:]:
        get(each)
    return (time.perf_counter() - start) / 200 * 1000


def floors(get, pages):
    """What a miss costs before its own work: a view that only answers "ok"
    through the whole middleware (a page without a shell), the
    Clusteratlas's shell filled with an empty list, and the SQL statements
    each miss sends, replayed alone on one cursor."""
    from django.conf.urls.i18n import i18n_patterns
    from django.db import connection
    from django.http import HttpResponse
    from django.test.utils import CaptureQueriesContext
    from django.urls import clear_url_caches, path

    from cluster_portal import regions, urls

    ok = i18n_patterns(path("ok/", lambda request: HttpResponse("ok")))
    urls.urlpatterns[:0] = ok  # before django CMS takes every path
    clear_url_caches()
    found = {"floor: a view answering ok": f"{milliseconds(get, '/de/ok/?n={n}'):.2f}"}
    for name, url in pages.items():
        if not name.startswith("miss:"):
            continue
        with CaptureQueriesContext(connection) as queries:
            get(url.format(n=9_999_999, o="0999"))
        statements = [query["sql"] for query in queries]
        with connection.cursor() as cursor:
            start = time.perf_counter()
            for _ in range(200):
                for sql in statements:
                    cursor.execute(sql)
            alone = (time.perf_counter() - start) / 200 * 1000
        label = "SQL alone: " + name.removeprefix("miss: ")
        found[label] = f"{alone:.2f} ({len(statements)})"
    regions.register("members:directory", lambda request: "")
    atlas = pages["miss: Clusteratlas search"]
    found["floor: the Clusteratlas's shell, its list empty"] = (
        f"{milliseconds(get, atlas, first=4_000_001):.2f}"
    )
    return found


def child(step, env, lines=None):
    """Runs a step of this script in a child process with the benchmark's
    environment; what it prints, lines of "name<TAB>value", as a dict."""
    output = subprocess.run(
        [sys.executable, SCRIPT, step],
        input=lines,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(line.split("\t") for line in output.strip().splitlines())


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(app, env, port, cwd, extra=()):
    command = [str(BIN / "gunicorn"), app, "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "1", "--worker-class", "sync", *extra]
    server = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(0.3)
    return server


def wrk(url, script=None):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency"]
    if script:
        command += ["-s", script]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    assert errors is None, f"{url}: {errors.group(0)}"

    def percentile(name):
        value, unit = re.search(rf"{name}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return rate, percentile("50"), percentile("99")


def query_counts(env, pages):
    """Queries per request, cold (empty cache) and warm (the page cached,
    or for a miss its fragments), from a gunicorn that logs them
    (scripts/gunicorn_query_count.py)."""
    import redis

    port = free_port()
    config = ["-c", str(PROJECT_DIR / "scripts" / "gunicorn_query_count.py")]
    server = serve("cluster_portal.wsgi", env, port, PROJECT_DIR, config)
    counts = {}
    try:
        for url in pages.values():
            for _ in range(2):  # the second warms what a worker keeps
                redis.Redis.from_url(CACHE_URL).flushdb()
                cold = url.format(n=1, o="0001")
                urllib.request.urlopen(f"http://127.0.0.1:{port}{cold}").read()
            # Warm: a cached page, or for a miss another query string.
            warm = url.format(n=2, o="0002")
            urllib.request.urlopen(f"http://127.0.0.1:{port}{warm}").read()
        server.terminate()
        log = server.communicate(timeout=30)[1].decode()
    finally:
        server.kill()
    lines = [int(n) for n in re.findall(r"^QUERIES \S+ (\d+)$", log, re.M)]
    lines = lines[-3 * len(pages) :]
    for index, name in enumerate(pages):
        counts[name] = (lines[3 * index + 1], lines[3 * index + 2])
    return counts


def main():
    if len(sys.argv) > 1:
        {"load": load_data, "urls": urls, "in-process": in_process}[sys.argv[1]]()
        return
    import psycopg
    import redis

    name = DATABASE_URL.rsplit("/", 1)[1]
    with psycopg.connect(
        DATABASE_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True
    ) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    redis.Redis.from_url(CACHE_URL).flushdb()
    workdir = Path(tempfile.mkdtemp(prefix="benchmark_pages_"))
    env = os.environ | {
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": DATABASE_URL,
        "CACHE_URL": CACHE_URL,
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private_media"),
        "STATIC_ROOT": str(workdir / "static"),
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
    }
    print("Loading the data ...", file=sys.stderr)
    subprocess.run([sys.executable, SCRIPT, "load"], env=env, check=True)
    pages = child("urls", env)
    (workdir / "hello.py").write_text(HELLO_APP)

    print("Counting queries ...", file=sys.stderr)
    counts = query_counts(env, pages)

    rows = []
    port = free_port()
    hello = serve("hello", env, port, workdir)
    try:
        rows.append(("bare hello", *wrk(f"http://127.0.0.1:{port}/"), "-", "-"))
    finally:
        hello.kill()
    bare = rows[0][1]
    port = free_port()
    site = serve("cluster_portal.wsgi", env, port, PROJECT_DIR)
    try:
        for name, url in pages.items():
            print(f"Loading {name} ...", file=sys.stderr)
            lua = None
            if name.startswith("miss:"):
                lua = workdir / "varying.lua"
                lua.write_text(f'URL = "{url}"\n' + VARYING_LUA % ())
            else:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{url}").read()
            measured = wrk(f"http://127.0.0.1:{port}{url.split('?')[0]}", lua)
            rows.append((name, *measured, *counts[name]))
    finally:
        site.kill()

    # After wrk, so that its misses find the variant budget as it was.
    print("Measuring in-process ...", file=sys.stderr)
    redis.Redis.from_url(CACHE_URL).flushdb()
    listing = "".join(f"{name}\t{url}\n" for name, url in pages.items())
    in_process_ms = child("in-process", env, listing)
    rows = [(*row, in_process_ms.pop(row[0], "-")) for row in rows]
    print(
        "| page | req/s | p50 | p99 | × bare hello | queries cold | queries warm "
        "| ms in-process |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, rate, p50, p99, cold, warm, cost in rows:
        print(
            f"| {name} | {rate:,.0f} | {p50:.1f} ms | {p99:.1f} ms "
            f"| {rate / bare:.2f} | {cold} | {warm} | {cost} |"
        )
    print("\nWhat a miss cannot go below, in-process (statements in brackets):\n")
    print("| part | ms |\n| --- | --- |")
    for name, cost in in_process_ms.items():
        print(f"| {name} | {cost} |")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
