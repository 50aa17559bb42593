from django.core.checks import run_checks

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/4",
    }
}


def deploy_warnings():
    return [
        message.id
        for message in run_checks(tags=["caches"], include_deployment_checks=True)
    ]


def test_a_per_process_cache_is_reported_for_production(settings):
    settings.CACHES = LOCMEM
    assert "cluster_portal.W001" in deploy_warnings()


def test_a_shared_cache_passes(settings):
    settings.CACHES = REDIS
    assert "cluster_portal.W001" not in deploy_warnings()


def test_the_check_is_only_a_deployment_check(settings):
    settings.CACHES = LOCMEM
    assert "cluster_portal.W001" not in [
        message.id for message in run_checks(tags=["caches"])
    ]
