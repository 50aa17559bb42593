"""Where CKreihe files live and what they may be.

Public files are kept in the default storage (``MEDIA_ROOT/ckreihe/``),
members-only files in ``PRIVATE_MEDIA_ROOT/ckreihe/``, which no web server
serves (with ``MEDIA_S3_BUCKET``: under ``media/`` and ``private/`` in the
bucket). Every file gets a random name, so no URL can be guessed from a title;
the original name is kept on the document for the download.

Uploads are recognised by their first bytes (no system libmagic needed): the
extension must agree with the content, so a renamed executable or HTML page is
refused.
"""

import os
import uuid
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage, storages
from django.db.models.fields.files import FieldFile, FileField
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from cluster_portal.storage import WholeFileSystemStorage

UPLOAD_DIR = "ckreihe"
DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024


def private_storage():
    # A fresh object on every call, so that a changed setting takes effect.
    if "private" in settings.STORAGES:  # object storage (MEDIA_S3_BUCKET)
        return storages.create_storage(settings.STORAGES["private"])
    return WholeFileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def storage_for(is_members_only):
    return private_storage() if is_members_only else default_storage


# --- The file field --------------------------------------------------------


class DocumentFieldFile(FieldFile):
    """A file whose storage follows the document's visibility."""

    @property
    def storage(self):
        return storage_for(self.instance.is_members_only)

    @storage.setter
    def storage(self, value):
        # FieldFile assigns the field's storage; the visibility decides instead.
        pass

    @property
    def url(self):
        # Files are only ever sent by the download view.
        raise ValueError("CKreihe files have no media URL; use the download view.")


class DocumentFileField(FileField):
    attr_class = DocumentFieldFile


def random_file_name(instance, filename):
    """``ckreihe/<uuid>.<ext>``: unguessable, and free of the uploader's
    characters (the original name is kept in ``original_name``)."""
    extension = os.path.splitext(filename)[1].lower()
    if not extension[1:].isalnum():
        extension = ""
    return f"{UPLOAD_DIR}/{uuid.uuid4().hex}{extension}"


# --- Content sniffing ------------------------------------------------------

# What each allowed extension must contain, and the type it is sent with.
ALLOWED_TYPES = {
    ".pdf": ("pdf", "application/pdf"),
    ".doc": ("ole2", "application/msword"),
    ".xls": ("ole2", "application/vnd.ms-excel"),
    ".ppt": ("ole2", "application/vnd.ms-powerpoint"),
    ".docx": (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ".xlsx": (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ".pptx": (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ".zip": ("zip", "application/zip"),
    ".png": ("png", "image/png"),
    ".jpg": ("jpeg", "image/jpeg"),
    ".jpeg": ("jpeg", "image/jpeg"),
    ".gif": ("gif", "image/gif"),
    ".webp": ("webp", "image/webp"),
}

# The folder of the main part of an Office Open XML package.
OOXML_PARTS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}


def sniff(fileobj):
    """The kind of file the content says it is ('pdf', 'docx', 'png' …), or
    None. Reads from the start and leaves the position there."""
    fileobj.seek(0)
    head = fileobj.read(16)
    fileobj.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole2"
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return _sniff_zip(fileobj)
    return None


def _sniff_zip(fileobj):
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        fileobj.seek(0)
    if "[Content_Types].xml" in names:
        for prefix, kind in OOXML_PARTS.items():
            if any(name.startswith(prefix) for name in names):
                return kind
    return "zip"


def max_upload_bytes():
    return getattr(settings, "CKREIHE_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def content_type_for(filename):
    extension = os.path.splitext(filename)[1].lower()
    return ALLOWED_TYPES.get(extension, (None, "application/octet-stream"))[1]


def validate_document_file(value):
    """Refuse files that are too large, of a type not allowed, or whose
    content does not match their extension."""
    if getattr(value, "_committed", False):
        return  # a stored file was checked when it was uploaded
    limit = max_upload_bytes()
    if value.size > limit:
        raise ValidationError(
            _("The file is %(size)s; files may be at most %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(value.size), "limit": filesizeformat(limit)},
        )
    extension = os.path.splitext(value.name)[1].lower()
    if extension not in ALLOWED_TYPES:
        raise ValidationError(
            _(
                "Files of type “%(extension)s” cannot be uploaded. Allowed are "
                "PDF, Word, Excel, PowerPoint, ZIP and images (PNG, JPEG, GIF, WebP)."
            ),
            code="type_not_allowed",
            params={"extension": extension or "?"},
        )
    expected = ALLOWED_TYPES[extension][0]
    found = sniff(value)
    zip_kinds = {"zip", "docx", "xlsx", "pptx"}
    if found != expected and not (expected == "zip" and found in zip_kinds):
        raise ValidationError(
            _(
                "The content of “%(name)s” is not a %(extension)s file. Please "
                "check the file or save it again in the right format."
            ),
            code="content_mismatch",
            params={"name": os.path.basename(value.name), "extension": extension},
        )
