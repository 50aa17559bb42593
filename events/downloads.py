"""Sending CKreihe files: streamed, with range requests, or handed to the
web server (X-Accel-Redirect for nginx, X-Sendfile for Apache) once the view
has checked access."""

import re

from django.conf import settings
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

CHUNK_SIZE = 64 * 1024
RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")


class RangeNotSatisfiable(Exception):
    pass


def parse_range(header, size):
    """(first, last) byte of a single ``Range: bytes=a-b`` header, or None to
    send the whole file (no header, several ranges or a syntax we ignore, as
    RFC 9110 allows). Raises RangeNotSatisfiable for a range past the end."""
    match = RANGE_RE.match(header.strip()) if header else None
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        length = int(last)
        if length == 0 or size == 0:
            raise RangeNotSatisfiable
        return max(size - length, 0), size - 1
    first = int(first)
    last = min(int(last), size - 1) if last else size - 1
    if first >= size or last < first:
        raise RangeNotSatisfiable
    return first, last


def read_range(handle, first, last):
    """The bytes ``first`` to ``last`` of an open file, in chunks."""
    try:
        handle.seek(first)
        remaining = last - first + 1
        while remaining > 0:
            chunk = handle.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        handle.close()


def sendfile_response(document, storage):
    """An empty response that tells the web server which file to send."""
    mode = getattr(settings, "CKREIHE_SENDFILE", "")
    if mode not in ("nginx", "apache"):
        return None
    response = HttpResponse(content_type=document.content_type)
    if mode == "nginx":
        if document.is_members_only:
            prefix = getattr(settings, "CKREIHE_SENDFILE_PREFIX", "/protected/")
        else:
            prefix = settings.MEDIA_URL
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + document.file.name
    else:
        response["X-Sendfile"] = storage.path(document.file.name)
    return response


def file_response(request, document, storage, handle, size):
    """The file, whole or the requested range, streamed in chunks."""
    try:
        byte_range = parse_range(request.headers.get("Range"), size)
    except RangeNotSatisfiable:
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    if byte_range is None:
        response = FileResponse(handle, content_type=document.content_type)
        response["Content-Length"] = str(size)
    else:
        first, last = byte_range
        response = StreamingHttpResponse(
            read_range(handle, first, last),
            status=206,
            content_type=document.content_type,
        )
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
        response["Content-Length"] = str(last - first + 1)
    return response


def finish_headers(response, document):
    response["Accept-Ranges"] = "bytes"
    response["Content-Disposition"] = content_disposition_header(
        True, document.original_name or document.file.name.rsplit("/", 1)[-1]
    )
    response["X-Content-Type-Options"] = "nosniff"
    if document.is_members_only:
        response["Cache-Control"] = "private, no-store"
    else:
        # Revalidated each time: the document may become members-only.
        response["Cache-Control"] = "no-cache"
    return response
