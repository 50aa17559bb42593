from pathlib import Path

import pytest
from django.conf import settings
from django.db import IntegrityError

from events.models import EventDocument
from tests.events.factories import EventDocumentFactory, pdf_file

pytestmark = pytest.mark.django_db

MEMBERS = EventDocument.Visibility.MEMBERS
PUBLIC = EventDocument.Visibility.PUBLIC


def public_path(document):
    return Path(settings.MEDIA_ROOT) / document.file.name


def private_path(document):
    return Path(settings.PRIVATE_MEDIA_ROOT) / document.file.name


def test_a_public_file_is_stored_under_media_root_with_a_random_name():
    document = EventDocumentFactory(file=pdf_file("Tagungsband 2024.pdf"))
    assert public_path(document).is_file()
    assert not private_path(document).exists()
    assert document.file.name.startswith("ckreihe/")
    assert "Tagungsband" not in document.file.name
    assert document.original_name == "Tagungsband 2024.pdf"
    assert document.content_type == "application/pdf"
    assert document.size == public_path(document).stat().st_size


def test_a_members_only_file_is_stored_under_private_media_root():
    document = EventDocumentFactory(visibility=MEMBERS)
    assert private_path(document).is_file()
    assert not public_path(document).exists()


def test_switching_to_members_only_moves_the_file_and_removes_the_public_one(
    django_capture_on_commit_callbacks,
):
    document = EventDocumentFactory()
    old_public = public_path(document)
    content = old_public.read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        document.visibility = MEMBERS
        document.save()
    document.refresh_from_db()
    assert not old_public.exists()
    assert private_path(document).read_bytes() == content
    assert not public_path(document).exists()

    old_private = private_path(document)
    with django_capture_on_commit_callbacks(execute=True):
        document.visibility = PUBLIC
        document.save()
    document.refresh_from_db()
    assert not old_private.exists()
    assert public_path(document).read_bytes() == content


def test_replacing_the_file_deletes_the_old_one_after_commit(
    django_capture_on_commit_callbacks,
):
    document = EventDocumentFactory()
    old = public_path(document)
    with django_capture_on_commit_callbacks(execute=True):
        document.file = pdf_file("neu.pdf")
        document.save()
    assert not old.exists()
    assert public_path(document).is_file()
    assert document.original_name == "neu.pdf"


def test_deleting_a_document_deletes_its_file(django_capture_on_commit_callbacks):
    document = EventDocumentFactory(visibility=MEMBERS)
    path = private_path(document)
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert not path.exists()


def test_a_failed_save_leaves_no_file_behind():
    EventDocumentFactory(number=7007)
    media = Path(settings.MEDIA_ROOT) / "ckreihe"
    before = set(media.iterdir())
    with pytest.raises(IntegrityError):
        EventDocumentFactory(number=7007)
    assert set(media.iterdir()) == before


def test_the_series_label_names_the_number():
    document = EventDocumentFactory.build(number=12, title_de="Protokoll")
    assert str(document) == "CKreihe Nr. 12: Protokoll"
