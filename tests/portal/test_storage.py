"""Files on disk are either whole or not there."""

import pytest
from django.core.files.base import ContentFile

from cluster_portal.storage import WholeFileSystemStorage
from tests.storages import DiskFullStorage, files_under


def test_a_stored_file_is_whole_and_under_its_name(tmp_path):
    storage = WholeFileSystemStorage(location=tmp_path)

    name = storage.save("logos/logo.png", ContentFile(b"x" * 100_000))

    assert name == "logos/logo.png"
    assert (tmp_path / name).read_bytes() == b"x" * 100_000
    assert files_under(tmp_path) == ["logos/logo.png"]


def test_a_taken_name_gets_another_and_keeps_the_first_file(tmp_path):
    storage = WholeFileSystemStorage(location=tmp_path)
    storage.save("a.txt", ContentFile(b"first"))

    name = storage.save("a.txt", ContentFile(b"second"))

    assert name != "a.txt"
    assert (tmp_path / "a.txt").read_bytes() == b"first"
    assert (tmp_path / name).read_bytes() == b"second"


def test_a_full_disk_leaves_no_half_written_file(tmp_path):
    storage = DiskFullStorage(location=tmp_path)

    with pytest.raises(OSError, match="No space left"):
        storage.save("ckreihe/vortrag.pdf", ContentFile(b"%PDF" + b"x" * 100_000))

    assert files_under(tmp_path) == []
