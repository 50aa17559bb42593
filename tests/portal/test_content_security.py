"""The Content-Security-Policy and Permissions-Policy headers over HTTP."""

import json
import os
import subprocess
import sys

import pytest
from csp.constants import NONCE
from csp.decorators import csp_update
from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from cluster_portal.content_security import PortalCSPMiddleware
from tests.events.ckreihe import PASSWORD, download_url, make_member, read_body
from tests.events.factories import EventDocumentFactory

pytestmark = pytest.mark.django_db

CSP = "Content-Security-Policy"


def directives(response):
    """The policy as {directive: [sources]}."""
    policy = {}
    for part in response[CSP].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def in_german(name, **kwargs):
    with translation.override("de"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def staff_client(client, django_user_model):
    editor = django_user_model.objects.create_user(
        "redakteurin", password=PASSWORD, is_staff=True, is_superuser=True
    )
    client.force_login(editor)
    return client


@pytest.fixture
def event_list(client):
    client.get("/de/")  # loads the apphooks' URLs
    return in_german("events:event-list")


def test_the_visitors_policy_is_strict(client):
    policy = directives(client.get("/de/"))

    assert policy == {
        "base-uri": ["'self'"],
        "default-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "img-src": ["'self'"],
        "object-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
    }


def test_every_kind_of_response_carries_both_headers(client, event_list):
    document = EventDocumentFactory()
    responses = {
        "CMS page": client.get("/de/das-cluster/"),
        "app page": client.get(event_list),
        "cached hit": client.get(event_list),
        "404": client.get("/de/gibt-es-nicht/"),
        "admin login": client.get("/de/admin/login/"),
        "file download": client.get(download_url(document)),
        "redirect": client.get("/", HTTP_ACCEPT_LANGUAGE="en"),
        "sitemap": client.get("/sitemap.xml"),
    }
    assert responses["redirect"].status_code == 302
    assert responses["404"].status_code == 404
    assert read_body(responses["file download"]).startswith(b"%PDF")

    for kind, response in responses.items():
        assert directives(response)["script-src"] == ["'self'"], kind
        assert "unsafe-inline" not in response[CSP], kind
        assert "unsafe-eval" not in response[CSP], kind
        assert "camera=()" in response["Permissions-Policy"], kind


def test_a_cached_hit_carries_exactly_the_headers_of_the_miss(
    client, event_list, django_assert_num_queries
):
    miss = client.get(event_list)
    with django_assert_num_queries(0):
        hit = client.get(event_list)

    assert hit[CSP] == miss[CSP]
    assert hit["Permissions-Policy"] == miss["Permissions-Policy"]


def test_the_permissions_policy_denies_what_the_site_never_uses(client):
    denied = {
        part.strip().removesuffix("=()")
        for part in client.get("/de/")["Permissions-Policy"].split(",")
    }

    assert {"camera", "microphone", "geolocation", "payment", "usb"} <= denied
    assert denied == set(settings.PERMISSIONS_POLICY)


def test_staff_get_their_policy_on_pages_and_in_the_admin(staff_client):
    for url in ("/de/das-cluster/", "/de/admin/", "/de/admin/members/organization/"):
        policy = directives(staff_client.get(url))

        assert policy["script-src"] == ["'self'"], url
        assert policy["script-src-attr"] == ["'unsafe-inline'"], url
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"], url
        assert policy["img-src"] == ["'self'", "data:"], url
        assert policy["object-src"] == ["'none'"], url


def test_a_staff_visit_never_leaves_its_policy_for_visitors(staff_client, client):
    staff_client.get("/de/das-cluster/")
    staff_client.logout()

    for _ in range(2):  # a miss, then a hit
        assert "unsafe-inline" not in client.get("/de/das-cluster/")[CSP]


def test_logged_in_members_get_the_visitors_policy(client, django_user_model):
    client.force_login(make_member(django_user_model))

    for url in ("/de/", reverse("my-area")):
        response = client.get(url)
        assert response.status_code == 200
        assert "unsafe-inline" not in response[CSP], url


def test_the_header_is_the_same_in_every_process(client):
    """django-csp orders directives by a set; the portal sorts them, so
    every worker and host sends the same bytes."""
    header = client.get("/de/")[CSP]

    assert header.split("; ") == sorted(header.split("; "))


PRINT_IMG_SRC = """
import django, json
django.setup()
from django.conf import settings
from django.contrib.staticfiles import finders
print(json.dumps(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]))
"""


@pytest.mark.parametrize(
    ("variables", "media_origins"),
    [
        ({}, []),
        (
            {"AWS_S3_CUSTOM_DOMAIN": "media.example.org"},
            ["https://media.example.org"],
        ),
        (
            {"AWS_S3_ENDPOINT_URL": "https://s3.example.org:9000/"},
            ["https://s3.example.org:9000"],
        ),
        (
            {"AWS_S3_REGION_NAME": "eu-central-1"},
            [
                "https://portal-media.s3.amazonaws.com",
                "https://portal-media.s3.eu-central-1.amazonaws.com",
            ],
        ),
    ],
    ids=["no-bucket", "custom-domain", "endpoint", "aws-region"],
)
def test_images_from_the_media_bucket_are_allowed(variables, media_origins):
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("AWS_", "MEDIA_S3_"))
    }
    if variables:
        env |= {"MEDIA_S3_BUCKET": "portal-media", **variables}
    result = subprocess.run(
        [sys.executable, "-c", PRINT_IMG_SRC],
        env=env | {"DJANGO_SETTINGS_MODULE": "cluster_portal.settings"},
        capture_output=True,
        text=True,
        check=True,
    )

    assert json.loads(result.stdout) == ["'self'", *media_origins]


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_the_error_pages_need_no_inline_style(template):
    """They are rendered without the database; their look comes from a
    static file that the visitors' policy allows."""
    source = (settings.BASE_DIR / "templates" / template).read_text()
    assert "<style" not in source and "style=" not in source
    assert '<link rel="stylesheet" href="/static/css/error.css">' in source
    assert finders.find("css/error.css")


# --- The fixed policies and what still tailors one ------------------------------


def through_middleware(view, request=None):
    request = request or RequestFactory().get("/de/")
    middleware = PortalCSPMiddleware(view)
    middleware.process_request(request)
    return middleware.process_response(request, view(request))


def test_a_nonce_asked_for_is_in_the_policy(settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": ["'self'", NONCE]}}
    request = RequestFactory().get("/de/")

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')

    response = through_middleware(view, request)

    assert directives(response)["script-src"] == [
        "'self'",
        f"'nonce-{request._csp_nonce}'",
    ]


def test_a_decorated_view_gets_its_tailored_policy():
    @csp_update({"img-src": ["https://maps.example.org"]})
    def view(request):
        return HttpResponse()

    response = through_middleware(view)

    assert "https://maps.example.org" in directives(response)["img-src"]


def test_a_changed_setting_changes_the_fixed_policy(settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}

    response = through_middleware(lambda request: HttpResponse())

    assert directives(response) == {"default-src": ["'none'"]}
