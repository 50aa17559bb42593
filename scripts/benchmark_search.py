#!/usr/bin/env python
"""Print the median and p99 time of 200 varied searches on scaled data.

A fresh PostgreSQL database gets the demo content plus 1,000 organisations,
5,000 events, 2,000 CKreihe documents and 500 news items, indexed by
``rebuild_search_index``; then 200 different queries (single words, two
words, inflected forms, typos, names) run in-process through the search
service, and 200 more through the results page (Django's test client).

    .venv/bin/python scripts/benchmark_search.py

BENCH_DATABASE_URL overrides the database (it is dropped and created anew).
"""

import datetime
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_search_bench"
)
WORDS = (
    "Recycling Kunststoffe Chemiepark Wasserstoff Leuna Polymer Katalyse Logistik "
    "Energie Digitalisierung Fachkräfte Bioökonomie Kreislauf Verpackung Spritzguss "
    "Halle Leipzig Merseburg Bitterfeld Schkopau Zeitz Jena Dresden Magdeburg Erfurt"
).split()
VARIANTS = ["Recylcing", "Kunstoff", "Chemieparks", "Wasserstofff", "Fachkraefte"]


def populate():
    from django.utils import timezone

    from events.models import Category, Event, EventDocument
    from members.models import Organization
    from newsletter.models import NewsItem

    rng = random.Random(7)

    # Real text has a large vocabulary: one word in ten is a topic word, the
    # rest come from 3,000 made-up ones, so a query matches a share of rows.
    filler = [f"{rng.choice(WORDS)[:4].lower()}wort{n}" for n in range(3000)]

    def text(count):
        return " ".join(
            rng.choice(WORDS) if rng.random() < 0.1 else rng.choice(filler)
            for _ in range(count)
        )

    Organization.objects.bulk_create(
        Organization(
            name=f"{rng.choice(WORDS)} Messbetrieb {n:04d} GmbH",
            slug=f"messbetrieb-{n:04d}",
            kind=Organization.Kind.COMPANY,
            city=rng.choice(WORDS[15:]),
            description_de=text(60),
            description_en=text(60),
        )
        for n in range(1000)
    )
    category = Category.objects.first()
    start = timezone.now() - datetime.timedelta(days=900)
    Event.objects.bulk_create(
        Event(
            title_de=f"Tagung {text(3)} {n}",
            title_en=f"Conference {text(3)} {n}",
            slug=f"messtagung-{n}",
            description_de=text(80),
            teaser_de=text(12),
            category=category,
            start=start + datetime.timedelta(hours=7 * n),
            end=start + datetime.timedelta(hours=7 * n + 3),
            start_date=(start + datetime.timedelta(hours=7 * n)).date(),
            end_date=(start + datetime.timedelta(hours=7 * n + 3)).date(),
            city=rng.choice(WORDS[15:]),
            is_published=True,
        )
        for n in range(5000)
    )
    EventDocument.objects.bulk_create(
        EventDocument(
            number=10_000 + n,
            title_de=f"Tagungsband {text(4)}",
            description_de=text(40),
            kind=EventDocument.Kind.PROCEEDINGS,
            file=f"ckreihe/missing-{n}.pdf",
            original_name=f"band-{n}.pdf",
            publication_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            visibility=("public", "members")[n % 4 == 0],
        )
        for n in range(2000)
    )
    NewsItem.objects.bulk_create(
        NewsItem(
            title_de=f"Meldung {text(4)}",
            teaser_de=text(20),
            body_de=f"<p>{text(120)}</p>",
            date=datetime.date(2022, 1, 1) + datetime.timedelta(days=n),
        )
        for n in range(500)
    )


def queries():
    rng = random.Random(11)
    found = []
    while len(found) < 200:
        shape = len(found) % 4
        if shape == 0:
            found.append(rng.choice(WORDS))
        elif shape == 1:
            found.append(f"{rng.choice(WORDS)} {rng.choice(WORDS)}")
        elif shape == 2:
            found.append(rng.choice(VARIANTS))
        else:
            found.append(f"Messbetrieb {rng.randrange(1000):04d}")
    return found


def percentiles(timings):
    timings = sorted(timings)
    return statistics.median(timings), timings[int(len(timings) * 0.99) - 1]


def measure():
    import django

    sys.path.insert(0, str(PROJECT_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cluster_portal.settings")
    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from search.services import search

    setup_test_environment()
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    populate()
    began = time.perf_counter()
    call_command("rebuild_search_index", stdout=open(os.devnull, "w"))
    print(f"rebuild_search_index: {time.perf_counter() - began:.1f} s")

    texts = queries()
    for text in texts[:20]:  # warm the connection and the caches
        search(text, "de")
    service = []
    for text in texts:
        began = time.perf_counter()
        outcome = search(text, "de")
        list(outcome.page or [])
        service.append((time.perf_counter() - began) * 1000)
    p50, p99 = percentiles(service)
    print(f"search service, 200 queries: p50 {p50:.1f} ms, p99 {p99:.1f} ms")

    client = Client()
    pages = []
    for text in texts:
        began = time.perf_counter()
        response = client.get("/de/suche/", {"q": text})
        pages.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, response.status_code
    p50, p99 = percentiles(pages)
    print(f"results page, 200 queries:   p50 {p50:.1f} ms, p99 {p99:.1f} ms")


def main():
    if os.environ.get("BENCH_CHILD"):
        measure()
        return
    name = POSTGRES_URL.rsplit("/", 1)[1]
    admin = POSTGRES_URL.rsplit("/", 1)[0] + "/postgres"
    for statement in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
        subprocess.run(["psql", admin, "-qc", statement], check=True)
    env = {
        **os.environ,
        "BENCH_CHILD": "1",
        "DATABASE_URL": POSTGRES_URL,
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-secret-key-" + "x" * 30,
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": tempfile.mkdtemp(prefix="benchmark-static-"),
        "SECURE_HSTS_SECONDS": "0",
    }
    subprocess.run([sys.executable, __file__], env=env, check=True, cwd=PROJECT_DIR)


if __name__ == "__main__":
    main()
