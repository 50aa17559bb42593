from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from events.models import DocumentDownload, EventDocument
from newsletter.pdf import simple_pdf
from tests.events.factories import EventDocumentFactory, EventFactory

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/de/admin/events/eventdocument/upload/"


def form_data(event, files, visibility="members"):
    return {
        "event": event.pk,
        "kind": "talk",
        "language": "de",
        "visibility": visibility,
        "publication_date": "2025-03-01",
        "files": files,
    }


def test_editors_upload_several_files_for_one_event(client, editor):
    client.force_login(editor)
    event = EventFactory()
    top = EventDocument.objects.order_by("-number").first().number
    files = [
        SimpleUploadedFile("Vortrag_Meier.pdf", simple_pdf("A", [])),
        SimpleUploadedFile("Vortrag Schulze.pdf", simple_pdf("B", [])),
    ]
    response = client.post(
        reverse("admin:events_eventdocument_upload"), form_data(event, files)
    )
    assert response.status_code == 302
    documents = list(event.documents.order_by("number"))
    assert [d.number for d in documents] == [top + 1, top + 2]
    assert [d.title_de for d in documents] == ["Vortrag Meier", "Vortrag Schulze"]
    assert all(d.is_members_only for d in documents)
    for document in documents:
        assert (Path(settings.PRIVATE_MEDIA_ROOT) / document.file.name).is_file()


def test_a_bad_file_in_the_upload_names_the_problem_and_stores_nothing(client, editor):
    client.force_login(editor)
    event = EventFactory()
    files = [
        SimpleUploadedFile("gut.pdf", simple_pdf("A", [])),
        SimpleUploadedFile("boese.pdf", b"<html>kein PDF</html>"),
    ]
    response = client.post(
        reverse("admin:events_eventdocument_upload"), form_data(event, files)
    )
    assert response.status_code == 200
    assert (
        "Der Inhalt von „boese.pdf“ ist keine .pdf-Datei" in response.content.decode()
    )
    assert not event.documents.exists()
    assert not (Path(settings.PRIVATE_MEDIA_ROOT) / "ckreihe").exists()


def test_the_admin_form_refuses_a_renamed_file(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:events_eventdocument_add"),
        {
            "number": 9001,
            "title_de": "Test",
            "title_en": "Test",
            "kind": "talk",
            "language": "de",
            "publication_date": "2025-03-01",
            "visibility": "public",
            "file": SimpleUploadedFile("bild.png", simple_pdf("A", [])),
        },
    )
    assert response.status_code == 200
    assert "keine .png-Datei" in response.content.decode()
    assert not EventDocument.objects.filter(number=9001).exists()


def test_the_change_list_shows_download_counts(client, editor):
    document = EventDocumentFactory(number=9100, title_de="Gezählt")
    DocumentDownload.objects.create(document=document)
    DocumentDownload.objects.create(document=document, user=editor)
    client.force_login(editor)
    response = client.get(
        reverse("admin:events_eventdocument_changelist"), {"q": "9100"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gezählt" in html
    assert '<td class="field-download_count">2</td>' in html
    assert (
        client.get(reverse("admin:events_documentdownload_changelist")).status_code
        == 200
    )


def test_visitors_cannot_reach_the_upload(client):
    response = client.get(UPLOAD_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_demo_command_is_idempotent(django_capture_on_commit_callbacks):
    before = EventDocument.objects.count()
    assert before >= 8
    call_command("load_demo_ckreihe")
    assert EventDocument.objects.count() == before
    demo = EventDocument.objects.filter(is_sample=True)
    assert demo.filter(visibility="members").exists()
    assert demo.filter(visibility="public").exists()
    assert demo.exclude(event=None).exists()
