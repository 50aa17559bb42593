"""Text of uploaded documents (PDF and Office files), for the index."""

import logging
import re
import zipfile
from xml.etree import ElementTree

from pypdf import PdfReader

logger = logging.getLogger(__name__)

# Enough for the words of a long report; the rest adds little to finding it.
MAX_TEXT = 200_000
# Office files are ZIP archives of XML parts; these hold the visible text.
OFFICE_PARTS = {
    "docx": re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml"),
    "xlsx": re.compile(r"xl/(sharedStrings|worksheets/sheet\d+)\.xml"),
    "pptx": re.compile(r"ppt/slides/slide\d+\.xml"),
}
# Never inflate more than this from one archive (a ZIP bomb guard).
MAX_XML_BYTES = 20_000_000


def extract_text(handle, extension):
    """The text of an open file of the given extension, or "" when the type
    has no text or the file cannot be read."""
    extension = extension.lower().lstrip(".")
    try:
        if extension == "pdf":
            return _pdf_text(handle)
        if extension in OFFICE_PARTS:
            return _office_text(handle, OFFICE_PARTS[extension])
    except Exception:  # a damaged upload must not break saving the document
        logger.warning("Could not read the text of a .%s file", extension)
    return ""


def _pdf_text(handle):
    reader = PdfReader(handle)
    parts, length = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
        if length >= MAX_TEXT:
            break
    return _clean(" ".join(parts))


def _office_text(handle, parts):
    texts, inflated = [], 0
    with zipfile.ZipFile(handle) as archive:
        for info in sorted(archive.infolist(), key=lambda info: info.filename):
            if not parts.fullmatch(info.filename):
                continue
            inflated += info.file_size
            if inflated > MAX_XML_BYTES:
                break
            root = ElementTree.fromstring(archive.read(info))
            # Text runs are <w:t>, <a:t> or <t> elements, whatever the namespace.
            texts.extend(
                element.text
                for element in root.iter()
                if element.tag.rsplit("}", 1)[-1] == "t" and element.text
            )
    return _clean(" ".join(texts))


def _clean(text):
    return " ".join(text.split())[:MAX_TEXT]
