import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from events.document_files import random_file_name, sniff, validate_document_file
from newsletter.pdf import simple_pdf


def zip_bytes(names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return buffer.getvalue()


SAMPLES = {
    "pdf": simple_pdf("Test", []),
    "png": b"\x89PNG\r\n\x1a\n" + b"\0" * 20,
    "jpeg": b"\xff\xd8\xff\xe0" + b"\0" * 20,
    "gif": b"GIF89a" + b"\0" * 20,
    "webp": b"RIFF\x10\0\0\0WEBPVP8 " + b"\0" * 20,
    "ole2": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 20,
    "docx": zip_bytes(["[Content_Types].xml", "word/document.xml"]),
    "xlsx": zip_bytes(["[Content_Types].xml", "xl/workbook.xml"]),
    "pptx": zip_bytes(["[Content_Types].xml", "ppt/presentation.xml"]),
    "zip": zip_bytes(["folien/vortrag.txt"]),
}


@pytest.mark.parametrize("kind", SAMPLES)
def test_sniff_recognises_each_allowed_type_by_content(kind):
    assert sniff(io.BytesIO(SAMPLES[kind])) == kind


def test_sniff_knows_nothing_of_html_or_a_broken_zip():
    assert sniff(io.BytesIO(b"<html><script>alert(1)</script>")) is None
    assert sniff(io.BytesIO(b"PK\x03\x04broken")) is None


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.pdf", "pdf"),
        ("a.PNG", "png"),
        ("a.jpg", "jpeg"),
        ("a.jpeg", "jpeg"),
        ("a.doc", "ole2"),
        ("a.xls", "ole2"),
        ("a.ppt", "ole2"),
        ("a.docx", "docx"),
        ("a.xlsx", "xlsx"),
        ("a.pptx", "pptx"),
        ("a.zip", "zip"),
        ("a.zip", "docx"),
        ("a.webp", "webp"),
        ("a.gif", "gif"),
    ],
)
def test_validator_accepts_matching_extension_and_content(name, kind):
    validate_document_file(SimpleUploadedFile(name, SAMPLES[kind]))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("vortrag.pdf", b"<html>not a pdf</html>"),
        ("tabelle.xlsx", SAMPLES["docx"]),
        ("bild.png", SAMPLES["jpeg"]),
        ("brief.doc", SAMPLES["pdf"]),
    ],
)
def test_validator_refuses_content_that_does_not_match_the_extension(name, content):
    with pytest.raises(ValidationError) as error:
        validate_document_file(SimpleUploadedFile(name, content))
    assert error.value.code == "content_mismatch"
    assert name in error.value.messages[0]


@pytest.mark.parametrize("name", ["skript.exe", "seite.html", "ohne-endung", "a.svg"])
def test_validator_refuses_types_not_allowed(name):
    with pytest.raises(ValidationError) as error:
        validate_document_file(SimpleUploadedFile(name, SAMPLES["pdf"]))
    assert error.value.code == "type_not_allowed"


def test_validator_refuses_files_over_the_size_limit(settings):
    settings.CKREIHE_MAX_UPLOAD_BYTES = 100
    with pytest.raises(ValidationError) as error:
        validate_document_file(SimpleUploadedFile("gross.pdf", SAMPLES["pdf"]))
    assert error.value.code == "too_large"
    assert "100" in error.value.messages[0]


def test_stored_names_are_random_and_drop_the_uploaded_path():
    first = random_file_name(None, "../../etc/Geheim Bericht.PDF")
    second = random_file_name(None, "../../etc/Geheim Bericht.PDF")
    assert first != second
    assert first.startswith("ckreihe/") and first.endswith(".pdf")
    assert ".." not in first and "Geheim" not in first
