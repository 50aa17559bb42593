"""A stopped Redis makes the site slower, not broken; a stopped database
gets a plain 503 page in the visitor's language."""

import contextlib
import os
import shutil
import subprocess
import time

import pytest
import redis
from cms.models import Page
from django.core.cache import caches

from cluster_portal import cache_backend
from cluster_portal.cache_backend import ResilientRedisCache
from members.models import Organization
from tests.events.ckreihe import PASSWORD, make_member
from tests.servers import Client, free_port, gunicorn, production_env

CLOSED_REDIS_URL = "redis://127.0.0.1:1/0"
CLOSED_REDIS = {
    "default": {
        "BACKEND": "cluster_portal.cache_backend.ResilientRedisCache",
        "LOCATION": CLOSED_REDIS_URL,
    }
}
LIVE_REDIS_URL = os.environ.get(
    "PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/13"
)
CLOSED_DATABASE_URL = "postgres://portal:secret@127.0.0.1:1/portal"


def resilient(location):
    return ResilientRedisCache(location, {})


# --- Redis stopped -----------------------------------------------------------


def test_an_unreachable_redis_answers_like_an_empty_cache():
    cache = resilient(CLOSED_REDIS_URL)

    assert cache.get("key", "fallback") == "fallback"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("key", 1) is False
    assert cache.set("key", 1) is None
    assert cache.has_key("key") is False
    assert cache.delete("key") is False
    assert cache.set_many({"a": 1}) == ["a"]
    assert cache.count("key", 60) == 1
    with pytest.raises(ValueError):
        cache.incr("key")


def test_a_reachable_redis_works_as_usual():
    cache = resilient(LIVE_REDIS_URL)
    cache.set("portal:test:faults", 41)

    assert cache.incr("portal:test:faults") == 42
    assert cache.get("portal:test:faults") == 42
    assert cache.delete("portal:test:faults") is True


def test_a_counter_starts_with_its_timeout_and_counts_on():
    cache = resilient(LIVE_REDIS_URL)
    cache.delete("portal:test:counter")

    assert [cache.count("portal:test:counter", 60) for _ in range(3)] == [1, 2, 3]
    assert cache.get("portal:test:counter") == 3
    assert 0 < redis.Redis.from_url(LIVE_REDIS_URL).ttl(":1:portal:test:counter") <= 60
    cache.delete("portal:test:counter")


def test_every_call_reuses_one_redis_client():
    cache = resilient(LIVE_REDIS_URL)
    cache.set("portal:test:faults", 1)
    first = cache._cache.get_client(write=True)

    assert cache.get("portal:test:faults") == 1
    assert cache._cache.get_client() is first


def test_after_a_failure_the_cache_is_not_asked_for_a_while(monkeypatch):
    cache = resilient(CLOSED_REDIS_URL)
    cache.get("key")
    calls = []
    monkeypatch.setattr(
        ResilientRedisCache, "_cache", property(lambda self: calls.append(1))
    )

    cache.get("key")

    assert calls == []


@contextlib.contextmanager
def redis_server(folder, port):
    """A Redis of the test's own that keeps its data across a restart."""
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--dir",
            str(folder),
            "--save",
            "3600 1",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        client = redis.Redis(port=port)
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield
    finally:
        server.terminate()  # saves the data, as a clean shutdown does
        server.wait(timeout=10)


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
def test_entries_invalidated_during_an_outage_are_not_served_after_it(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(cache_backend, "RETRY_AFTER", 0.1)
    port = free_port()
    cache = resilient(f"redis://127.0.0.1:{port}/0")
    with redis_server(tmp_path, port):
        cache.set("portal:version:news", 1)
    # Redis is stopped: the bump of the version is lost.
    with pytest.raises(ValueError):
        cache.incr("portal:version:news")
    assert cache.get("portal:version:news") is None

    with redis_server(tmp_path, port):
        assert redis.Redis(port=port).get(":1:portal:version:news") is not None
        time.sleep(0.2)

        assert cache.get("portal:version:news") is None
        cache.set("portal:version:news", 5)
        assert cache.get("portal:version:news") == 5


@pytest.mark.django_db
def test_pages_are_served_from_the_database_while_redis_is_stopped(client, settings):
    settings.CACHES = CLOSED_REDIS
    assert isinstance(caches["default"], ResilientRedisCache)
    paths = [
        "/de/",
        "/en/",
        Page.objects.get(reverse_id="clusteratlas").get_absolute_url("de"),
        "/de/login/",
        "/sitemap.xml",
    ]

    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
    # Twice: nothing stale came back from a cache.
    assert client.get("/de/").status_code == 200


@pytest.mark.django_db
def test_a_change_shows_at_once_while_redis_is_stopped(client, settings):
    settings.CACHES = CLOSED_REDIS
    atlas = Page.objects.get(reverse_id="clusteratlas").get_absolute_url("de")
    organization = Organization.objects.filter(is_published=True).first()
    query = f"?q={organization.name.split()[0]}"
    assert organization.name in client.get(atlas + query).content.decode()

    organization.city = "Schkopau-Neu"
    organization.save()

    assert "Schkopau-Neu" in client.get(atlas + query).content.decode()


@pytest.mark.django_db
def test_members_log_in_while_redis_is_stopped(client, settings, django_user_model):
    settings.CACHES = CLOSED_REDIS
    member = make_member(django_user_model)

    response = client.post(
        "/de/login/", {"username": member.username, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert client.get("/de/mein-bereich/").status_code == 200


# --- Database stopped --------------------------------------------------------


@pytest.fixture(scope="module")
def site_without_database(tmp_path_factory):
    env = production_env(tmp_path_factory.mktemp("no-db"), CLOSED_DATABASE_URL)
    with gunicorn(env, workers=1) as base_url:
        yield Client(base_url)


@pytest.mark.parametrize(
    ("path", "heading", "language"),
    [
        ("/de/", "Das Portal ist vorübergehend nicht erreichbar", "de"),
        ("/de/das-cluster/", "Das Portal ist vorübergehend nicht erreichbar", "de"),
        ("/en/", "The portal is temporarily unavailable", "en"),
        ("/en/login/", "The portal is temporarily unavailable", "en"),
    ],
)
def test_a_stopped_database_gives_a_plain_503_in_the_visitors_language(
    site_without_database, path, heading, language
):
    response = site_without_database.get(path)

    assert response.status == 503
    html = response.body.decode()
    assert heading in html
    assert f'<html lang="{language}">' in html
    assert response.header("Retry-After") == "60"
    assert "no-store" in response.header("Cache-Control")
    assert "Traceback" not in html
    assert "OperationalError" not in html


def test_a_stopped_database_fails_the_health_check(site_without_database):
    response = site_without_database.get("/healthz")

    assert response.status == 503
    assert b'"database": "down"' in response.body
