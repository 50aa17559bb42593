#!/usr/bin/env python
"""Print size, SQL queries and time of the Clusteratlas downloads and the
actor map, each requested twice (the second time is shown), in the database
DATABASE_URL names (the project's SQLite file by default) after
load_demo_content:

    .venv/bin/python scripts/measure_open_data.py
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cluster_portal.settings")

import django  # noqa: E402

django.setup()

from cms.models import Page  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from members.models import Organization  # noqa: E402


def main():
    host = next((h for h in settings.ALLOWED_HOSTS if "*" not in h), "localhost")
    client = Client(HTTP_HOST=host.lstrip("."))
    directory = Page.objects.get(reverse_id="clusteratlas").get_absolute_url("de")
    organization = Organization.objects.published().first()
    paths = [
        directory,
        directory + "map/",
        directory + "map/?state=sachsen",
        directory + "clusteratlas.csv",
        directory + "clusteratlas.json",
        directory + "clusteratlas.jsonld",
        directory + "clusteratlas.json?sector=no-such-sector",
        f"{directory}{organization.slug}/vcard.vcf",
    ]
    print(f"{Organization.objects.published().count()} published organisations")
    print(f"{'status':>6} {'bytes':>8} {'queries':>7} {'ms':>6}  path")
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - start) * 1000
        print(
            f"{response.status_code:>6} {len(response.content):>8} "
            f"{len(queries):>7} {elapsed:>6.0f}  {path}"
        )


if __name__ == "__main__":
    main()
