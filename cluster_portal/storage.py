"""Uploads on disk that are either complete or not there at all.

Django's FileSystemStorage writes an upload straight under its final name;
when the disk fills up halfway, the half-written file stays and is served
as if it were whole. ``WholeFileSystemStorage`` writes under a temporary
name in the same folder and gives the file its name only when complete.
"""

import errno
import os
import posixpath
import uuid

from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext_lazy as _

DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
DISK_FULL_MESSAGE = _(
    "The file could not be stored: the server's disk is full. Nothing was "
    "saved; please try again later."
)


def is_disk_full(error):
    return isinstance(error, OSError) and error.errno in DISK_FULL_ERRNOS


class WholeFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        folder = posixpath.dirname(name)
        partial = posixpath.join(folder, f".{uuid.uuid4().hex}.part")
        try:
            partial = super()._save(partial, content)
        except BaseException:
            self.delete(partial)
            raise
        try:
            while True:
                try:
                    # A hard link, unlike a rename, never replaces a file that
                    # another upload gave the same name in the meantime.
                    os.link(self.path(partial), self.path(name))
                    return name
                except FileExistsError:
                    name = self.get_available_name(name)
        finally:
            os.remove(self.path(partial))
