"""Send a CKnews issue to 1,000 and to 10,000 subscribers and print the time
and the peak memory of each send.

Runs on a throwaway SQLite database with the demo content, DEBUG off, and a
mail backend that builds every message completely (MIME, both parts, headers)
and throws it away. The peak memory must not grow with the number of
subscribers: sending walks through them batch by batch.

    .venv/bin/python scripts/benchmark_cknews_sending.py
"""

import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
SIZES = (1_000, 10_000)


def configure():
    workdir = Path(tempfile.mkdtemp(prefix="cknews-benchmark-"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cluster_portal.settings",
            "DEBUG": "0",  # with DEBUG on, Django keeps every SQL query in memory
            "SECRET_KEY": "benchmark-only-" + "x" * 40,
            "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
            "CACHE_URL": "locmemcache://benchmark",
            "MEDIA_ROOT": str(workdir / "media"),
            "LOG_LEVEL": "WARNING",
        }
    )
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    from django.conf import settings

    settings.EMAIL_BACKEND = "__main__.DiscardingBackend"
    return workdir


def build_discarding_backend():
    from django.core.mail.backends.base import BaseEmailBackend

    class DiscardingBackend(BaseEmailBackend):
        """Renders each message to bytes, as SMTP would send it, then drops it."""

        sent = 0
        size = 0

        def send_messages(self, messages):
            for message in messages:
                DiscardingBackend.size += len(message.message().as_bytes())
            DiscardingBackend.sent += len(messages)
            return len(messages)

    return DiscardingBackend


def prepare(size):
    from newsletter.models import Delivery, Subscriber

    Delivery.objects.all().delete()
    Subscriber.objects.all().delete()
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"reader{number}@example.org",
            language="de" if number % 3 else "en",
            status=Subscriber.Status.CONFIRMED,
            consent_version="benchmark",
        )
        for number in range(size)
    )


def send(issue, measure_memory):
    from newsletter import services
    from newsletter.models import Delivery

    Delivery.objects.all().delete()
    if measure_memory:
        tracemalloc.start()
    started = time.perf_counter()
    total = services.send_issue(issue)
    seconds = time.perf_counter() - started
    peak = 0
    if measure_memory:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return total, seconds, peak


def main():
    configure()
    global DiscardingBackend
    DiscardingBackend = build_discarding_backend()
    from io import StringIO

    from django.conf import settings
    from django.core.management import call_command

    from newsletter.models import Issue

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=StringIO())
    issue = Issue.objects.with_articles().order_by("number").first()
    print(
        f"CKnews {issue.number} with {issue.articles.count()} articles, "
        f"batches of {settings.NEWSLETTER_SEND_BATCH_SIZE}, SQLite, DEBUG off"
    )
    print(f"{'subscribers':>12} {'time':>9} {'per mail':>9} {'mail/s':>7} {'peak':>9}")
    for size in SIZES:
        prepare(size)
        total, seconds, _ = send(issue, measure_memory=False)
        assert total.sent == size, total
        total, _, peak = send(issue, measure_memory=True)
        assert total.sent == size, total
        print(
            f"{size:>12,} {seconds:>8.1f}s {seconds / size * 1000:>7.2f}ms "
            f"{size / seconds:>7.0f} {peak / 1024 / 1024:>7.1f}MB"
        )
    average = DiscardingBackend.size / DiscardingBackend.sent / 1024
    print(f"Average message size: {average:.1f} KiB (text and HTML parts)")


if __name__ == "__main__":
    main()
