import tracemalloc
from pathlib import Path

import pytest
from django.conf import settings

from events.models import EventDocument
from tests.events.ckreihe import download_url
from tests.events.factories import EventDocumentFactory

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def big_document(size, marker_at):
    """A document whose file is ``size`` bytes, sparse on disk, with a
    marker at ``marker_at`` to find in range requests."""
    document = EventDocumentFactory(visibility=EventDocument.Visibility.PUBLIC)
    path = Path(settings.MEDIA_ROOT) / document.file.name
    with path.open("r+b") as handle:
        handle.truncate(size)
        handle.seek(marker_at)
        handle.write(b"CKreihe-Marke")
    EventDocument.objects.filter(pk=document.pk).update(size=size)
    return document


def peak_memory_of_download(client, document):
    tracemalloc.start()
    try:
        response = client.get(download_url(document))
        received = 0
        for chunk in response.streaming_content:
            received += len(chunk)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return received, peak


def test_a_200_mb_file_is_streamed_without_memory_growing_with_its_size(client):
    small = big_document(2 * MB, 1 * MB)
    large = big_document(200 * MB, 150 * MB)
    received_small, peak_small = peak_memory_of_download(client, small)
    received_large, peak_large = peak_memory_of_download(client, large)
    assert received_small == 2 * MB
    assert received_large == 200 * MB
    # A hundred times the file, not more memory: the file is sent in chunks.
    assert peak_large < 4 * MB
    assert peak_large < peak_small + 1 * MB


def test_a_range_in_a_200_mb_file_returns_exactly_those_bytes(client):
    document = big_document(200 * MB, 150 * MB)
    first = 150 * MB - 3
    response = client.get(
        download_url(document), HTTP_RANGE=f"bytes={first}-{first + 15}"
    )
    assert response.status_code == 206
    body = b"".join(response.streaming_content)
    assert body == b"\0\0\0CKreihe-Marke"
    assert response["Content-Range"] == f"bytes {first}-{first + 15}/{200 * MB}"
    assert response["Content-Length"] == "16"
