"""A disk that fills up while a file is being written: the fault that cannot
be produced for real in a test."""

import errno

from django.core.files.base import File

from cluster_portal.storage import WholeFileSystemStorage

STORAGE = "tests.storages.DiskFullStorage"


class HalfWritten(File):
    """The upload's content, whose writing fails after the first half."""

    def chunks(self, chunk_size=None):
        self.file.seek(0)
        data = self.file.read()
        yield data[: len(data) // 2]
        raise OSError(errno.ENOSPC, "No space left on device")


class DiskFullStorage(WholeFileSystemStorage):
    def _save(self, name, content):
        return super()._save(name, HalfWritten(content.file, content.name))


def fill_the_disk(settings):
    settings.STORAGES = settings.STORAGES | {"default": {"BACKEND": STORAGE}}


def files_under(*roots):
    return sorted(
        str(path.relative_to(root))
        for root in roots
        if root.exists()
        for path in root.rglob("*")
        if path.is_file()
    )
