"""Settings follow the environment: each case imports them in a fresh process."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]

PRINT_SETTINGS = """
import json
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "SECRET_KEY": settings.SECRET_KEY,
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "DB_ENGINE": db["ENGINE"], "DB_NAME": str(db["NAME"]), "DB_HOST": db.get("HOST"),
    "CONN_MAX_AGE": db["CONN_MAX_AGE"],
    "CACHE_BACKEND": settings.CACHES["default"]["BACKEND"],
    "CACHE_LOCATION": settings.CACHES["default"].get("LOCATION"),
    "EMAIL_BACKEND": settings.EMAIL_BACKEND,
    "EMAIL_HOST": getattr(settings, "EMAIL_HOST", None),
    "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
    "CSRF_TRUSTED_ORIGINS": settings.CSRF_TRUSTED_ORIGINS,
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "SECURE_HSTS_SECONDS": settings.SECURE_HSTS_SECONDS,
    "STATICFILES": settings.STORAGES["staticfiles"]["BACKEND"],
}))
"""

CONFIG_VARIABLES = (
    "SECRET_KEY DEBUG ALLOWED_HOSTS DATABASE_URL CACHE_URL EMAIL_URL MEDIA_ROOT "
    "PRIVATE_MEDIA_ROOT CSRF_TRUSTED_ORIGINS CONN_MAX_AGE SITE_DOMAIN"
).split()


def run_settings(**variables):
    env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
    env |= {"DJANGO_SETTINGS_MODULE": "cluster_portal.settings", **variables}
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{PRINT_SETTINGS}"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


def settings_under(**variables):
    result = run_settings(**variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_fresh_checkout_runs_on_laptop_defaults():
    config = settings_under()

    assert config["DEBUG"] is True
    assert config["DB_ENGINE"] == "django.db.backends.sqlite3"
    assert config["DB_NAME"] == str(PROJECT_DIR / "db.sqlite3")
    assert config["CACHE_BACKEND"].endswith("LocMemCache")
    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert config["MEDIA_ROOT"] == str(PROJECT_DIR / "media")
    assert config["PRIVATE_MEDIA_ROOT"] == str(PROJECT_DIR / "private_media")


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings(DEBUG="0")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


def test_production_takes_everything_from_the_environment():
    config = settings_under(
        DEBUG="0",
        SECRET_KEY="s3cret-for-this-test",
        ALLOWED_HOSTS="portal.example.org,www.portal.example.org",
        DATABASE_URL="postgres://portal:pw@db.internal:5432/portal",
        CACHE_URL="redis://127.0.0.1:6379/1",
        EMAIL_URL="smtp+tls://mailer:pw@mail.example.org:587",
        MEDIA_ROOT="/srv/portal/media",
        PRIVATE_MEDIA_ROOT="/srv/portal/private",
        CSRF_TRUSTED_ORIGINS="https://portal.example.org",
    )

    assert config["DEBUG"] is False
    assert config["SECRET_KEY"] == "s3cret-for-this-test"
    assert config["ALLOWED_HOSTS"] == ["portal.example.org", "www.portal.example.org"]
    assert config["DB_ENGINE"] == "django.db.backends.postgresql"
    assert (config["DB_NAME"], config["DB_HOST"]) == ("portal", "db.internal")
    assert config["CONN_MAX_AGE"] == 600
    assert config["CACHE_BACKEND"] == "cluster_portal.cache_backend.ResilientRedisCache"
    assert config["CACHE_LOCATION"] == "redis://127.0.0.1:6379/1"
    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert config["EMAIL_HOST"] == "mail.example.org"
    assert config["MEDIA_ROOT"] == "/srv/portal/media"
    assert config["PRIVATE_MEDIA_ROOT"] == "/srv/portal/private"
    assert config["CSRF_TRUSTED_ORIGINS"] == ["https://portal.example.org"]
    assert config["SESSION_COOKIE_SECURE"] is True
    assert config["SECURE_HSTS_SECONDS"] == 31536000
    assert config["STATICFILES"].endswith("CompressedManifestStaticFilesStorage")


def test_check_deploy_is_clean_in_production():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env=os.environ
        | {
            "DEBUG": "0",
            "SECRET_KEY": "a-long-random-production-secret-key-" + "x" * 40,
            "ALLOWED_HOSTS": "portal.example.org",
            # Production shares one Redis (cluster_portal.W001 otherwise).
            "CACHE_URL": "redis://127.0.0.1:6379/1",
        },
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
