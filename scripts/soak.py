#!/usr/bin/env python
"""Soak test: the production server under steady load, for minutes.

Starts gunicorn (DEBUG off, PostgreSQL, Redis) on a fresh database with the
demo content, then keeps CONNECTIONS clients busy for DURATION seconds with
a mix of every page the sitemaps list (both languages, all page types), the
Clusteratlas search, logins and downloads of public and members-only
documents. Prints the requests, the errors (5xx, unexpected answers, failed
connections), latency percentiles and the workers' memory (RSS) at the start,
after the first minute and at the end.

    .venv/bin/python scripts/soak.py                     # 10 minutes
    .venv/bin/python scripts/soak.py --duration 90       # a quick check

Needs PostgreSQL and Redis on 127.0.0.1 (see --database-url, --cache-url).
"""

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from tests.servers import (  # noqa: E402
    Client,
    manage,
    production_env,
    recreate_postgres_database,
    shell,
    sitemap_paths,
    start_gunicorn,
)

FILL = "from tests.portal.site_content import fill; fill()"


def worker_pids(master_pid):
    """The gunicorn workers: the master's child processes."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:
            children.append(int(stat.parent.name))
    return sorted(children)


def rss_mib(pids):
    """Resident memory of each process, in MiB."""
    sizes = []
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        kib = next(line for line in status.splitlines() if line.startswith("VmRSS"))
        sizes.append(int(kib.split()[1]) / 1024)
    return sizes


class Load:
    """The clients' shared tally."""

    def __init__(self, base_url, pages, facts, deadline):
        self.base_url = base_url
        self.pages = pages
        self.facts = facts
        self.deadline = deadline
        self.lock = threading.Lock()
        self.latencies = []
        self.counts = {}
        self.errors = []

    def record(self, kind, started, ok, detail=""):
        elapsed = time.perf_counter() - started
        with self.lock:
            self.latencies.append(elapsed)
            self.counts[kind] = self.counts.get(kind, 0) + 1
            if not ok:
                self.errors.append(f"{kind}: {detail}")

    def call(self, kind, action, expected):
        started = time.perf_counter()
        try:
            response = action()
        except OSError as error:
            self.record(kind, started, False, repr(error))
            return None
        ok = response.status in expected
        self.record(kind, started, ok, f"{response.status}")
        return response

    def client_loop(self, seed):
        chooser = random.Random(seed)
        facts = self.facts
        while time.monotonic() < self.deadline:
            client = Client(self.base_url)
            roll = chooser.random()
            if roll < 0.02:
                # A member logs in and downloads a members-only document.
                self.call(
                    "login",
                    lambda c=client: c.post_form(
                        "/de/login/",
                        {"username": facts["member"], "password": facts["password"]},
                    ),
                    {302},
                )
                self.call(
                    "download",
                    lambda c=client: c.get(facts["download_path"]),
                    {200},
                )
            elif roll < 0.05:
                self.call(
                    "download",
                    lambda c=client: c.get(facts["public_download_path"]),
                    {200},
                )
            elif roll < 0.10:
                term = chooser.choice(["Leuna", "Halle", "Polymer", "xyz", ""])
                self.call(
                    "search",
                    lambda c=client, t=term: c.get(
                        f"{facts['clusteratlas_path']}?q={t}"
                    ),
                    {200},
                )
            else:
                path = chooser.choice(self.pages)
                self.call("page", lambda c=client, p=path: c.get(p), {200})


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def prepare(options, workdir):
    import redis

    recreate_postgres_database(options.database_url)
    redis.Redis.from_url(options.cache_url).flushdb()
    env = production_env(workdir, options.database_url, options.cache_url)
    for command in (
        ["migrate", "--noinput"],
        ["load_demo_content"],
        ["collectstatic", "--noinput"],
    ):
        manage(env, *command)
    facts = json.loads(shell(env, FILL))
    facts |= json.loads(
        shell(
            env,
            "import json; from django.urls import reverse; "
            "from django.utils import translation; "
            "from events.models import EventDocument; "
            "translation.activate('de'); "
            "document = EventDocument.objects.filter(visibility='public')[0]; "
            "print(json.dumps({"
            "'public_download_path': reverse('ckreihe:document-download', "
            "kwargs={'number': document.number}), "
            "'clusteratlas_path': reverse('members:organization-list')}))",
        )
    )
    return env, facts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=600, help="seconds")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/portal_soak"
    )
    parser.add_argument("--cache-url", default="redis://127.0.0.1:6379/12")
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="soak-"))
    env, facts = prepare(options, workdir)
    server, base_url = start_gunicorn(env, workers=options.workers)
    try:
        master = server.pid
        pages = sitemap_paths(Client(base_url))
        workers = worker_pids(master)
        memory = {"start": rss_mib(workers)}
        started = time.monotonic()
        load = Load(base_url, pages, facts, started + options.duration)
        threads = [
            threading.Thread(target=load.client_loop, args=(seed,), daemon=True)
            for seed in range(options.connections)
        ]
        for thread in threads:
            thread.start()
        if options.duration > 60:
            time.sleep(60)
            memory["after 1 min"] = rss_mib(worker_pids(master))
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        memory["end"] = rss_mib(worker_pids(master))
    finally:
        server.terminate()
        server.wait(timeout=20)

    latencies = load.latencies
    print(
        f"gunicorn, {options.workers} workers, DEBUG=0, PostgreSQL, Redis; "
        f"{options.connections} connections for {elapsed:.0f} s over "
        f"{len(pages)} pages, search, logins and downloads"
    )
    print(f"requests: {len(latencies)} ({len(latencies) / elapsed:.1f}/s)")
    print("  by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(load.counts.items())))
    print(f"errors:   {len(load.errors)}")
    for error in sorted(set(load.errors))[:10]:
        print(f"  {error}")
    median, p95, p99, worst = (
        value * 1000
        for value in (
            statistics.median(latencies),
            percentile(latencies, 0.95),
            percentile(latencies, 0.99),
            max(latencies),
        )
    )
    print(
        f"latency:  median {median:.0f} ms, p95 {p95:.0f} ms, "
        f"p99 {p99:.0f} ms, max {worst:.0f} ms"
    )
    for moment, sizes in memory.items():
        print(
            f"worker RSS {moment:>11}: {sum(sizes):.0f} MiB in all "
            f"({', '.join(f'{size:.0f}' for size in sizes)} MiB)"
        )
    if "after 1 min" in memory:
        first = sum(memory["after 1 min"])
        growth = (sum(memory["end"]) - first) / first * 100
        print(f"RSS growth after the first minute: {growth:+.1f} %")
    return 1 if load.errors else 0


if __name__ == "__main__":
    sys.exit(main())
