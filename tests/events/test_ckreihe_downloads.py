import logging
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.urls import reverse

from events.models import DocumentDownload, EventDocument
from tests.events.ckreihe import PASSWORD, download_url, make_member, read_body
from tests.events.factories import EventDocumentFactory

pytestmark = pytest.mark.django_db

MEMBERS = EventDocument.Visibility.MEMBERS
PUBLIC = EventDocument.Visibility.PUBLIC


@pytest.fixture
def member(django_user_model):
    return make_member(django_user_model)


@pytest.fixture
def non_member(django_user_model):
    return django_user_model.objects.create_user("gast", password=PASSWORD)


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "redaktion", password=PASSWORD, is_staff=True
    )


@pytest.fixture
def secret():
    return EventDocumentFactory(visibility=MEMBERS, number=42)


@pytest.fixture
def public():
    return EventDocumentFactory(number=41)


def file_bytes(document):
    root = (
        settings.PRIVATE_MEDIA_ROOT if document.is_members_only else settings.MEDIA_ROOT
    )
    return (Path(root) / document.file.name).read_bytes()


# --- Who gets what ---------------------------------------------------------


def test_a_visitor_downloads_a_public_document(client, public):
    response = client.get(download_url(public))
    assert response.status_code == 200
    assert read_body(response) == file_bytes(public)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(public.size)
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" not in response["Cache-Control"]


def test_a_visitor_is_sent_to_the_login_for_a_members_only_document(client, secret):
    response = client.get(download_url(secret))
    assert response.status_code == 302
    login = reverse("login")
    assert response["Location"] == f"{login}?next={quote(download_url(secret))}"


def test_a_logged_in_non_member_is_refused(client, non_member, secret):
    client.force_login(non_member)
    response = client.get(download_url(secret))
    assert response.status_code == 403
    assert b"%PDF" not in response.content


@pytest.mark.parametrize("who", ["member", "staff"])
def test_members_and_staff_download_members_only_documents(
    client, request, who, secret
):
    client.force_login(request.getfixturevalue(who))
    response = client.get(download_url(secret))
    assert response.status_code == 200
    assert read_body(response) == file_bytes(secret)
    # (django CMS adds never-cache directives of its own for staff.)
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))


@pytest.mark.parametrize("who", ["member", "staff", "non_member"])
def test_everyone_logged_in_downloads_public_documents(client, request, who, public):
    client.force_login(request.getfixturevalue(who))
    assert client.get(download_url(public)).status_code == 200


def test_a_deactivated_member_no_longer_gets_the_file(client, member, secret):
    client.force_login(member)
    member.is_active = False
    member.save()
    response = client.get(download_url(secret))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_member_whose_account_link_was_removed_is_refused(client, member, secret):
    client.force_login(member)
    member.member_account.delete()
    assert client.get(download_url(secret)).status_code == 403


def test_a_document_switched_to_members_only_and_back(
    client, member, public, django_capture_on_commit_callbacks
):
    url = download_url(public)
    old_media_path = Path(settings.MEDIA_ROOT) / public.file.name
    with django_capture_on_commit_callbacks(execute=True):
        public.visibility = MEMBERS
        public.save()
    assert not old_media_path.exists()
    assert client.get(url).status_code == 302
    client.force_login(member)
    assert client.get(url).status_code == 200
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        public.visibility = PUBLIC
        public.save()
    assert client.get(url).status_code == 200


# --- Paths that must lead nowhere ------------------------------------------


@pytest.mark.parametrize("who", [None, "member", "staff"])
def test_media_urls_never_serve_ckreihe_files(client, request, who, secret, public):
    if who:
        client.force_login(request.getfixturevalue(who))
    for document in (secret, public):
        for path in (
            f"/media/{document.file.name}",
            f"/media/../private_media/{document.file.name}",
            f"/private_media/{document.file.name}",
        ):
            response = client.get(path, follow=True)
            assert response.status_code == 404, path
            assert b"%PDF" not in response.content


@pytest.mark.parametrize(
    "suffix",
    [
        "..%2F..%2Fsettings.py/download/",
        "../42/download/",
        "42%2F..%2F41/download/",
        "-1/download/",
        "42/download/..%2F..%2F..%2Fetc%2Fpasswd",
        "%2e%2e/%2e%2e/download/",
        "999999/download/",
        "abc/download/",
    ],
)
@pytest.mark.parametrize("who", [None, "member", "staff"])
def test_path_tricks_in_the_download_url_find_nothing(
    client, request, who, suffix, secret
):
    if who:
        client.force_login(request.getfixturevalue(who))
    base = reverse("ckreihe:document-list")
    response = client.get(base + suffix, follow=True)
    assert response.status_code == 404
    assert b"%PDF" not in response.content


@pytest.mark.parametrize("who", [None, "non_member"])
def test_parameters_cannot_point_the_view_at_another_file(client, request, who, secret):
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.get(
        download_url(secret), {"file": "../../" + secret.file.name, "name": "x"}
    )
    assert response.status_code in (302, 403)
    assert b"%PDF" not in response.content


def test_a_missing_file_is_a_404_with_a_log_line(client, public, caplog):
    (Path(settings.MEDIA_ROOT) / public.file.name).unlink()
    with caplog.at_level(logging.WARNING, logger="events.document_views"):
        response = client.get(download_url(public))
    assert response.status_code == 404
    assert any(public.file.name in record.getMessage() for record in caplog.records)


# --- Ranges ----------------------------------------------------------------


def test_a_range_request_returns_exactly_those_bytes(client, public):
    content = file_bytes(public)
    response = client.get(download_url(public), HTTP_RANGE="bytes=10-99")
    assert response.status_code == 206
    assert read_body(response) == content[10:100]
    assert response["Content-Range"] == f"bytes 10-99/{len(content)}"
    assert response["Content-Length"] == "90"


def test_open_and_suffix_ranges(client, public):
    content = file_bytes(public)
    response = client.get(download_url(public), HTTP_RANGE="bytes=-20")
    assert read_body(response) == content[-20:]
    response = client.get(download_url(public), HTTP_RANGE=f"bytes={len(content) - 5}-")
    assert read_body(response) == content[-5:]


def test_a_range_past_the_end_is_416(client, public):
    response = client.get(download_url(public), HTTP_RANGE="bytes=999999-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{public.size}"


def test_several_ranges_or_nonsense_send_the_whole_file(client, public):
    for header in ("bytes=0-1,5-9", "items=0-5", "bytes=abc"):
        response = client.get(download_url(public), HTTP_RANGE=header)
        assert response.status_code == 200
        assert read_body(response) == file_bytes(public)


def test_members_only_ranges_are_checked_too(client, secret):
    response = client.get(download_url(secret), HTTP_RANGE="bytes=0-9")
    assert response.status_code == 302


# --- Headers, web server hand-over and the log -----------------------------


def test_the_download_carries_the_readable_original_name(client):
    document = EventDocumentFactory(
        file=__import__("tests.events.factories", fromlist=["pdf_file"]).pdf_file(
            "Tagungsband Görlitz 2024.pdf"
        )
    )
    response = client.get(download_url(document))
    assert (
        response["Content-Disposition"]
        == "attachment; filename*=utf-8''Tagungsband%20G%C3%B6rlitz%202024.pdf"
    )


def test_nginx_gets_an_internal_redirect_after_the_check(
    client, settings, member, secret
):
    settings.CKREIHE_SENDFILE = "nginx"
    assert client.get(download_url(secret)).status_code == 302
    client.force_login(member)
    response = client.get(download_url(secret))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected/{secret.file.name}"
    assert response.content == b""
    assert response["Cache-Control"] == "private, no-store"


def test_apache_gets_the_absolute_path(client, settings, public):
    settings.CKREIHE_SENDFILE = "apache"
    response = client.get(download_url(public))
    assert response["X-Sendfile"] == str(Path(settings.MEDIA_ROOT) / public.file.name)
    assert response.content == b""


def test_downloads_are_logged_and_anonymous_ones_not_identified(
    client, member, secret, public
):
    read_body(client.get(download_url(public)))
    client.force_login(member)
    read_body(client.get(download_url(secret)))
    read_body(client.get(download_url(secret), HTTP_RANGE="bytes=100-200"))
    log = list(DocumentDownload.objects.order_by("pk").values_list("document", "user"))
    assert log == [(public.pk, None), (secret.pk, member.pk)]


def test_refused_downloads_are_not_logged(client, secret):
    client.get(download_url(secret))
    assert not DocumentDownload.objects.exists()
