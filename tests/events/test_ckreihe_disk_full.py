"""CKreihe uploads in the admin on a full disk: a form error, no file and no
document left."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from events.models import EventDocument
from newsletter.pdf import simple_pdf
from tests.events.factories import EventFactory
from tests.events.test_ckreihe_admin import form_data
from tests.storages import files_under, fill_the_disk

pytestmark = pytest.mark.django_db

MESSAGE = "Die Datei konnte nicht gespeichert werden"


def admin_url(name):
    with translation.override("de"):
        return reverse(name)


def test_a_document_upload_on_a_full_disk_is_a_form_error(client, editor, settings):
    client.force_login(editor)
    fill_the_disk(settings)

    response = client.post(
        admin_url("admin:events_eventdocument_add"),
        {
            "number": 9001,
            "title_de": "Vortrag",
            "title_en": "Talk",
            "kind": "talk",
            "language": "de",
            "publication_date": "2025-03-01",
            "visibility": "public",
            "file": SimpleUploadedFile("vortrag.pdf", simple_pdf("A", [])),
        },
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert MESSAGE in page
    assert 'value="Vortrag"' in page
    assert not EventDocument.objects.filter(number=9001).exists()
    assert files_under(settings.MEDIA_ROOT) == []


def test_several_files_on_a_full_disk_are_a_form_error(client, editor, settings):
    client.force_login(editor)
    fill_the_disk(settings)
    event = EventFactory()
    files = [
        SimpleUploadedFile("eins.pdf", simple_pdf("A", [])),
        SimpleUploadedFile("zwei.pdf", simple_pdf("B", [])),
    ]

    response = client.post(
        admin_url("admin:events_eventdocument_upload"),
        form_data(event, files, visibility="public"),
    )

    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not event.documents.exists()
    assert files_under(settings.MEDIA_ROOT) == []
