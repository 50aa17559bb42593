"""Work on CKreihe documents that spans models and files."""

import os

from django.db import transaction
from django.db.models import Max

from .document_models import DocumentDownload, EventDocument


def next_number():
    return (EventDocument.objects.aggregate(top=Max("number"))["top"] or 0) + 1


@transaction.atomic
def create_documents(files, *, event, kind, language, visibility, publication_date):
    """One document per uploaded file, numbered on from the series' end.

    If any save fails the transaction rolls back and ``EventDocument.save``
    has already removed the file it wrote, so nothing is left behind."""
    number = next_number()
    documents = []
    try:
        _create_each(
            files,
            documents,
            number,
            event,
            kind,
            language,
            visibility,
            publication_date,
        )
    except Exception:
        # The rows roll back with the transaction; their files must go too.
        for document in documents:
            document.file.storage.delete(document.file.name)
        raise
    return documents


def _create_each(
    files, documents, number, event, kind, language, visibility, publication_date
):
    for upload in files:
        title = os.path.splitext(os.path.basename(upload.name))[0].replace("_", " ")
        document = EventDocument(
            number=number,
            title_de=title,
            title_en=title,
            event=event,
            kind=kind,
            language=language,
            visibility=visibility,
            publication_date=publication_date,
            file=upload,
        )
        document.save()
        documents.append(document)
        number += 1


def log_download(document, user):
    """Count a download; logged-in users are named, anonymous ones are not."""
    DocumentDownload.objects.create(
        document=document, user=user if user.is_authenticated else None
    )
