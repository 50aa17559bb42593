"""/healthz for load balancers and monitoring: does this host reach the
database, the cache and both media storages?

It is answered by the outermost middleware, before the host check, the HTTPS
redirect, sessions and the page cache: a load balancer asks by the host's
own address over plain HTTP, and its answer never depends on the Host
header. The body is JSON naming each part, e.g.
``{"status": "degraded", "database": "ok", "cache": "down", ...}``.

200 while pages can be served: a stopped Redis makes the site slower, not
unavailable (every host shares that one Redis, so a load balancer that took
hosts out for it would take the whole site down); "degraded" tells
monitoring. 503 when the database or a media storage does not answer.
"""

import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

from events.document_files import private_storage

PATH = "/healthz"
PROBE = b"ok"
# Without these a host cannot serve its pages.
ESSENTIAL = ("database", "media", "private_media")


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_answers():
    key = f"portal:healthz:{uuid.uuid4().hex}"
    cache.set(key, PROBE, timeout=10)
    try:
        return cache.get(key) == PROBE
    finally:
        cache.delete(key)


def storage_answers(storage):
    """Write, read back and delete a tiny file, through the storage API (on
    disk or in the bucket alike)."""
    name = storage.save(f"healthz-{uuid.uuid4().hex}.txt", ContentFile(PROBE))
    try:
        with storage.open(name) as probe:
            return probe.read() == PROBE
    finally:
        storage.delete(name)


def check(probe, *args):
    # A probe may fail in any way its backend can; each one counts as down.
    try:
        return "ok" if probe(*args) else "down"
    except Exception:
        return "down"


def health():
    parts = {
        "database": check(database_answers),
        "cache": check(cache_answers),
        "media": check(storage_answers, default_storage),
        "private_media": check(storage_answers, private_storage()),
    }
    if any(parts[name] != "ok" for name in ESSENTIAL):
        status = "down"
    elif parts["cache"] != "ok":
        status = "degraded"
    else:
        status = "ok"
    return {"status": status, **parts}


class HealthCheckMiddleware:
    """Answers /healthz; the first middleware, see the module's docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != PATH:
            return self.get_response(request)
        report = health()
        response = JsonResponse(
            report, status=503 if report["status"] == "down" else 200
        )
        add_never_cache_headers(response)
        response["X-Content-Type-Options"] = "nosniff"
        return response
