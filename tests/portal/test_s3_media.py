"""Media on S3-compatible object storage (MEDIA_S3_BUCKET), against moto's
S3 server on a local port: public files under media/, members-only files under
private/, and members-only files still only through the download view."""

import json
import os

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest

from events.document_files import private_storage
from events.models import EventDocument
from tests.events.ckreihe import PASSWORD, download_url, make_member, read_body
from tests.events.factories import EventDocumentFactory, pdf_file
from tests.servers import free_port, manage

BUCKET = "cluster-portal-media"
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "eu-central-1",
}


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    """A new, empty bucket, and the site's storages pointed at it as
    settings.py does with MEDIA_S3_BUCKET."""
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    s3 = boto3.resource("s3", endpoint_url=s3_server)
    store = s3.Bucket(BUCKET)
    if store.creation_date:
        store.objects.all().delete()
    else:
        s3.create_bucket(
            Bucket=BUCKET,
            CreateBucketConfiguration={"LocationConstraint": "eu-central-1"},
        )
    options = {
        "bucket_name": BUCKET,
        "endpoint_url": s3_server,
        "file_overwrite": False,
    }
    settings.STORAGES = settings.STORAGES | {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": options | {"location": "media", "querystring_auth": False},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": options | {"location": "private", "querystring_expire": 60},
        },
    }
    return store


def keys(bucket):
    return sorted(item.key for item in bucket.objects.all())


def test_one_variable_moves_both_storages_to_the_bucket(s3_server):
    env = (
        os.environ
        | CREDENTIALS
        | {
            "MEDIA_S3_BUCKET": BUCKET,
            "AWS_S3_ENDPOINT_URL": s3_server,
        }
    )
    code = (
        "import json; from django.conf import settings; import filer.settings; "
        "print(json.dumps([settings.STORAGES, "
        "filer.settings.FILER_PUBLICMEDIA_STORAGE.bucket_name, "
        "filer.settings.FILER_PUBLICMEDIA_STORAGE.location], default=str))"
    )
    result = manage(env, "shell", "--no-imports", "--command", code)
    storages, filer_bucket, filer_location = json.loads(result.stdout)

    assert storages["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storages["default"]["OPTIONS"]["location"] == "media"
    assert storages["default"]["OPTIONS"]["bucket_name"] == BUCKET
    assert storages["private"]["OPTIONS"]["location"] == "private"
    assert storages["private"]["OPTIONS"]["endpoint_url"] == s3_server
    assert (filer_bucket, filer_location) == (BUCKET, "media")


def test_the_filesystem_stays_the_default():
    env = {k: v for k, v in os.environ.items() if k != "MEDIA_S3_BUCKET"}
    code = "from django.conf import settings; print(sorted(settings.STORAGES))"
    result = manage(env, "shell", "--no-imports", "--command", code)
    assert result.stdout.strip() == "['default', 'staticfiles']"


def test_sendfile_and_s3_together_are_refused(s3_server):
    env = os.environ | {"MEDIA_S3_BUCKET": BUCKET, "CKREIHE_SENDFILE": "nginx"}
    result = manage(env, "check", check=False)
    assert result.returncode != 0
    assert "leave it empty with MEDIA_S3_BUCKET" in result.stderr


@pytest.mark.django_db
def test_members_only_files_go_to_the_private_prefix(bucket):
    document = EventDocumentFactory(visibility=EventDocument.Visibility.MEMBERS)
    public = EventDocumentFactory()

    assert keys(bucket) == sorted(
        [f"private/{document.file.name}", f"media/{public.file.name}"]
    )
    assert private_storage().exists(document.file.name)
    assert not default_storage.exists(document.file.name)


@pytest.mark.django_db
def test_a_member_downloads_a_members_only_file_from_the_bucket(
    client, bucket, django_user_model
):
    document = EventDocumentFactory(visibility=EventDocument.Visibility.MEMBERS)
    stored = bucket.Object(f"private/{document.file.name}").get()["Body"].read()

    anonymous = client.get(download_url(document))
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]

    client.login(
        request=HttpRequest(),
        username=make_member(django_user_model).username,
        password=PASSWORD,
    )
    response = client.get(download_url(document))
    assert response.status_code == 200
    assert read_body(response) == stored
    assert response["Cache-Control"] == "private, no-store"

    partial = client.get(download_url(document), HTTP_RANGE="bytes=0-3")
    assert partial.status_code == 206
    assert read_body(partial) == b"%PDF"


@pytest.mark.django_db
def test_a_document_made_members_only_moves_to_the_private_prefix(
    bucket, django_capture_on_commit_callbacks
):
    document = EventDocumentFactory()
    document.visibility = EventDocument.Visibility.MEMBERS

    with django_capture_on_commit_callbacks(execute=True):
        document.save()

    assert keys(bucket) == [f"private/{document.file.name}"]


@pytest.mark.django_db
def test_public_files_get_a_stable_bucket_url(bucket, s3_server):
    name = default_storage.save("cknews/pdf/ausgabe.pdf", pdf_file())
    url = default_storage.url(name)

    assert url == f"{s3_server}/{BUCKET}/media/{name}"
    assert "Signature" not in url and "X-Amz" not in url
    assert bucket.Object(f"media/{name}").content_length > 0


@pytest.mark.django_db
def test_uploads_never_overwrite_a_file_in_the_bucket(bucket):
    first = default_storage.save("cknews/pdf/heft.pdf", ContentFile(b"%PDF-1 eins"))
    second = default_storage.save("cknews/pdf/heft.pdf", ContentFile(b"%PDF-1 zwei"))

    assert first != second
    assert len(keys(bucket)) == 2


@pytest.mark.django_db
def test_a_backup_takes_the_files_from_the_bucket(bucket, tmp_path):
    import hashlib

    from cluster_portal.backups import copy_files

    document = EventDocumentFactory(visibility=EventDocument.Visibility.MEMBERS)
    public = EventDocumentFactory()

    files = copy_files(tmp_path)

    assert sorted(files) == [
        f"media/{public.file.name}",
        f"private_media/{document.file.name}",
    ]
    for folder, prefix, item in (
        ("private_media", "private", document),
        ("media", "media", public),
    ):
        stored = bucket.Object(f"{prefix}/{item.file.name}").get()["Body"].read()
        assert (tmp_path / folder / item.file.name).read_bytes() == stored
        assert files[f"{folder}/{item.file.name}"]["sha256"] == (
            hashlib.sha256(stored).hexdigest()
        )
