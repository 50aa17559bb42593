"""/healthz: 200 while this host can serve pages, 503 naming what failed."""

import json
import logging

import pytest

pytestmark = pytest.mark.django_db

CLOSED_REDIS = {
    "default": {
        "BACKEND": "cluster_portal.cache_backend.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}


def probe(client, **headers):
    response = client.get("/healthz", **headers)
    return response, json.loads(response.content)


def files_in(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_a_healthy_host_answers_200_and_names_every_part(client, settings):
    response, report = probe(client)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert report == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "media": "ok",
        "private_media": "ok",
    }
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_the_probe_leaves_no_file_behind(client, settings):
    probe(client)

    assert files_in(settings.MEDIA_ROOT) == []
    assert files_in(settings.PRIVATE_MEDIA_ROOT) == []


def test_any_host_name_and_plain_http_are_answered(client, settings):
    settings.ALLOWED_HOSTS = ["www.cluster-chemie-kunststoffe.de"]
    settings.SECURE_SSL_REDIRECT = True

    response, report = probe(client, HTTP_HOST="10.0.0.7:8000")

    assert response.status_code == 200
    assert report["status"] == "ok"
    # Everything else still checks the host.
    assert client.get("/de/", HTTP_HOST="10.0.0.7:8000").status_code == 400


def test_the_probe_is_quick_and_quiet(client, caplog, django_assert_max_num_queries):
    # django CMS checks its URL configuration once per process, on any request.
    probe(client)
    with caplog.at_level(logging.DEBUG), django_assert_max_num_queries(1):
        probe(client)

    assert [record.getMessage() for record in caplog.records] == []


def test_a_failing_storage_answers_503_and_says_which(client, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.PRIVATE_MEDIA_ROOT = blocker

    response, report = probe(client)

    assert response.status_code == 503
    assert report["status"] == "down"
    assert report["private_media"] == "down"
    assert report["media"] == report["database"] == "ok"


def test_a_stopped_redis_is_reported_but_keeps_the_host_in(client, settings):
    settings.CACHES = CLOSED_REDIS

    response, report = probe(client)

    assert response.status_code == 200
    assert report["status"] == "degraded"
    assert report["cache"] == "down"
    assert report["database"] == "ok"


def test_the_probe_is_never_served_from_the_page_cache(client, settings, tmp_path):
    probe(client)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker

    response, report = probe(client)

    assert response.status_code == 503
    assert report["media"] == "down"
