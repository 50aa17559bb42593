#!/usr/bin/env python
"""Print the time per request of the Clusteratlas with 1,000 organisations.

For SQLite and for PostgreSQL in turn: a fresh database with the demo content
and 1,000 more organisations, then the list page, a filtered list and a detail
page, each requested 50 times through Django's test client (DEBUG off).

    .venv/bin/python scripts/benchmark_clusteratlas.py
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cluster_portal_bench"
)
ORGANIZATIONS = 1000
REPEATS = 50


def measure():
    """Runs inside a child process whose environment names the database."""
    import django

    sys.path.insert(0, str(PROJECT_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cluster_portal.settings")
    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from members.models import Organization, Sector

    setup_test_environment()
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    sectors = list(Sector.objects.all())
    created = Organization.objects.bulk_create(
        Organization(
            name=f"Messbetrieb {number:04d} GmbH",
            slug=f"messbetrieb-{number:04d}",
            kind=Organization.Kind.COMPANY,
            city="Halle (Saale)",
            federal_state=("sachsen", "sachsen-anhalt", "thueringen")[number % 3],
            description_de="Ein Betrieb für die Messung.",
        )
        for number in range(ORGANIZATIONS)
    )
    Organization.sectors.through.objects.bulk_create(
        Organization.sectors.through(organization=organization, sector=sector)
        for index, organization in enumerate(created)
        for sector in sectors[index % 3 : index % 3 + 2]
    )
    client = Client()
    base = "/de/handlungsfelder/oeffentlichkeitsarbeit/clusteratlas/"
    pages = {
        "list": base,
        "filtered list": base + "?state=sachsen&sector=chemie&q=GmbH&sort=city&page=2",
        "detail": base + "messbetrieb-0500/",
    }
    backend = django.db.connection.vendor
    for name, url in pages.items():
        assert client.get(url).status_code == 200, url
        timings = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"{backend:11} {name:14} median {statistics.median(timings):6.1f} ms"
            f"   p90 {statistics.quantiles(timings, n=10)[-1]:6.1f} ms"
        )


def recreate_postgres_database():
    import psycopg

    name = POSTGRES_URL.rsplit("/", 1)[1]
    with psycopg.connect(
        POSTGRES_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True
    ) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')


def main():
    if os.environ.get("BENCH_CHILD"):
        measure()
        return
    print(
        f"Clusteratlas with {ORGANIZATIONS} extra organisations, "
        f"{REPEATS} requests each"
    )
    with tempfile.TemporaryDirectory() as workdir:
        recreate_postgres_database()
        for database_url in (f"sqlite:///{workdir}/bench.sqlite3", POSTGRES_URL):
            env = os.environ | {
                "BENCH_CHILD": "1",
                "DEBUG": "0",
                "SECRET_KEY": "benchmark-only-" + "x" * 40,
                "ALLOWED_HOSTS": "testserver",
                "SECURE_SSL_REDIRECT": "0",
                "DATABASE_URL": database_url,
                "MEDIA_ROOT": f"{workdir}/media",
                "STATIC_ROOT": f"{workdir}/static",
            }
            subprocess.run([sys.executable, __file__], env=env, check=True)


if __name__ == "__main__":
    main()
