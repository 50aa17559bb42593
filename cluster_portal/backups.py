"""Backups of the whole site: the database, MEDIA_ROOT and PRIVATE_MEDIA_ROOT.

A backup is a folder::

    manifest.json        what is in it, with a SHA-256 checksum per file
    manifest.sha256      the checksum of manifest.json itself
    database.pgdump      pg_dump's custom format (PostgreSQL), or
    database.sqlite3     a copy made with SQLite's online backup API
    media/...            the public files
    private_media/...    the members-only files

The database is dumped first, in one snapshot, and the files are copied
after it. Uploads get fresh random names and are never changed in place, so
every file the dump refers to is in the backup unless it was deleted in the
seconds between. Files are read and written through the storages, so the
same code works for any storage backend.

A restore checks every checksum before it touches anything, and only goes into
an empty database and empty storages: it never merges a backup into a site.
"""

import hashlib
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection

from events.document_files import private_storage

FORMAT = "cluster-portal-backup/1"
MANIFEST = "manifest.json"
MANIFEST_CHECKSUM = "manifest.sha256"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
CHUNK_SIZE = 1024 * 1024


class BackupError(Exception):
    """Why a backup cannot be written or restored; nothing has been changed."""


def storages():
    """The storages a backup covers, by the folder name they get in it."""
    return {"media": default_storage, "private_media": private_storage()}


# --- Writing ----------------------------------------------------------------


def write_backup(path):
    """Write a backup of the site into the new folder ``path``; returns the
    manifest. The folder appears under its name only when complete."""
    target = Path(path)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(f"{target} exists and is not an empty folder.")
    partial = target.with_name(target.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    try:
        database_file = dump_database(partial)
        files = {database_file: checksum(partial / database_file)}
        files |= copy_files(partial)
        manifest = {
            "format": FORMAT,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": {"vendor": connection.vendor, "file": database_file},
            "files": files,
        }
        manifest_bytes = json.dumps(manifest, indent=1, sort_keys=True).encode()
        (partial / MANIFEST).write_bytes(manifest_bytes)
        (partial / MANIFEST_CHECKSUM).write_text(
            hashlib.sha256(manifest_bytes).hexdigest() + "\n"
        )
        if target.exists():
            target.rmdir()
        partial.rename(target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return manifest


def copy_files(folder):
    """Copy every file of the storages into ``folder``; returns their
    checksums by path."""
    files = {}
    for storage_folder, storage in storages().items():
        for name in storage_files(storage):
            relative = f"{storage_folder}/{name}"
            destination = folder / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(name, "rb") as source, destination.open("wb") as out:
                shutil.copyfileobj(source, out, CHUNK_SIZE)
            files[relative] = checksum(destination)
    return files


def dump_database(folder):
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Backups of {vendor} databases are not supported.")
    name = DATABASE_FILES[vendor]
    if vendor == "postgresql":
        run_pg_tool(
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-acl",
            "--file",
            folder / name,
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(folder / name) as copy:
            connection.connection.backup(copy)
        copy.close()
    return name


def storage_files(storage, folder=""):
    """Every file name in a storage, recursively; none for a missing folder."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(folder, name)
    for name in sorted(folders):
        yield from storage_files(storage, posixpath.join(folder, name))


def checksum(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK_SIZE):
            digest.update(chunk)
    return {"sha256": digest.hexdigest(), "size": os.path.getsize(path)}


# --- Checking -----------------------------------------------------------------


def verify_backup(path):
    """The manifest of an intact backup; raises BackupError saying what is
    wrong with a missing, corrupt or tampered one."""
    folder = Path(path)
    if not (folder / MANIFEST).is_file() or not (folder / MANIFEST_CHECKSUM).is_file():
        raise BackupError(f"{folder} is not a backup: {MANIFEST} is missing.")
    manifest_bytes = (folder / MANIFEST).read_bytes()
    expected = (folder / MANIFEST_CHECKSUM).read_text().strip()
    if hashlib.sha256(manifest_bytes).hexdigest() != expected:
        raise BackupError(f"{MANIFEST} does not match its checksum: it was changed.")
    try:
        manifest = json.loads(manifest_bytes)
        files = manifest["files"]
        database = manifest["database"]
        known_format = manifest["format"] == FORMAT
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError(f"{MANIFEST} cannot be read: {error}.") from error
    if not known_format:
        raise BackupError(f"Unknown backup format {manifest['format']!r}.")
    if database.get("file") not in files:
        raise BackupError("The manifest lists no database file.")
    present = {
        item.relative_to(folder).as_posix()
        for item in folder.rglob("*")
        if item.is_file() and item.name not in (MANIFEST, MANIFEST_CHECKSUM)
    }
    if extra := sorted(present - set(files)):
        raise BackupError(f"Files not in the manifest: {', '.join(extra[:5])}.")
    for relative, expected_sum in sorted(files.items()):
        if relative not in present:
            raise BackupError(f"{relative} is missing from the backup.")
        if checksum(folder / relative) != expected_sum:
            raise BackupError(f"{relative} does not match its checksum: it is corrupt.")
    return manifest


def check_target_is_empty():
    """Refuse to restore over anything: the database and the storages must be
    empty."""
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(
            f"The database is not empty ({len(tables)} tables); restore only "
            "into a new, empty database."
        )
    for folder, storage in storages().items():
        if next(storage_files(storage), None) is not None:
            raise BackupError(
                f"The {folder} storage is not empty; restore only into empty folders."
            )


# --- Restoring ----------------------------------------------------------------


def restore_backup(path):
    """Restore a verified backup into an empty site; returns its manifest."""
    folder = Path(path)
    manifest = verify_backup(folder)
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"The backup holds a {vendor} database; this site uses {connection.vendor}."
        )
    check_target_is_empty()
    database_file = folder / manifest["database"]["file"]
    if vendor == "postgresql":
        run_pg_tool(
            "pg_restore",
            "--no-owner",
            "--no-acl",
            "--exit-on-error",
            "--single-transaction",
            database_file,
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(database_file) as source:
            source.backup(connection.connection)
        source.close()
    targets = storages()
    for relative in sorted(manifest["files"]):
        storage_folder, _, name = relative.partition("/")
        if storage_folder not in targets:
            continue
        with (folder / relative).open("rb") as handle:
            saved = targets[storage_folder].save(name, File(handle, name=name))
        if saved != name:
            raise BackupError(f"{relative} was stored as {saved}.")
    return manifest


def run_pg_tool(tool, *arguments):
    """Run pg_dump or pg_restore against the site's database."""
    settings_dict = connection.settings_dict
    env = os.environ.copy()
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    command = [tool, "--dbname", settings_dict["NAME"], *map(str, arguments)]
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(
            f"{tool} is not installed (apt-get install postgresql-client)."
        ) from error
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip()}")
