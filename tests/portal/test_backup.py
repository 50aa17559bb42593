"""backup_site and restore_site, end to end: a site served by gunicorn is
backed up, wiped and restored, and then serves the same pages, rows and files.

Runs on the database engine of DATABASE_URL, each site in a database of its
own next to the test database (PostgreSQL, with pg_dump), or in a SQLite file.
"""

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.portal.site_content import EDITED_TEXT
from tests.servers import (
    Client,
    drop_postgres_database,
    gunicorn,
    manage,
    production_env,
    recreate_postgres_database,
    shell,
    sitemap_paths,
)

FILL = "from tests.portal.site_content import fill; fill()"
# A fresh CSRF token is masked anew for every response that carries a form.
CSRF_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


class Site:
    """A portal's database and folders, outside the test database."""

    def __init__(self, workdir, name):
        self.workdir = Path(workdir)
        url = os.environ.get("DATABASE_URL", "")
        self.postgres = url.startswith(("postgres://", "postgresql://"))
        if self.postgres:
            self.database_url = (
                f"{url.rsplit('/', 1)[0]}/{url.rsplit('/', 1)[1]}_{name}"
            )
        else:
            self.database_url = f"sqlite:///{self.workdir / 'db.sqlite3'}"
        # Absolute links must not depend on the port gunicorn happens to get.
        self.env = production_env(
            self.workdir, self.database_url, SITE_DOMAIN="portal.example.org"
        )
        self.media = self.workdir / "media"
        self.private_media = self.workdir / "private_media"

    def create_empty(self):
        self.workdir.mkdir(parents=True, exist_ok=True)
        if self.postgres:
            recreate_postgres_database(self.database_url)

    def wipe(self):
        if self.postgres:
            drop_postgres_database(self.database_url)
        else:
            (self.workdir / "db.sqlite3").unlink()
        shutil.rmtree(self.media)
        shutil.rmtree(self.private_media)

    def table_count(self):
        code = (
            "from django.db import connection; "
            "print(len(connection.introspection.table_names()))"
        )
        return int(shell(self.env, code))

    def holdings(self):
        """Every row and the checksum of every file."""
        return {
            "rows": manage(self.env, "dumpdata", "--all", "--indent", "1").stdout,
            "files": file_checksums(self.media, self.private_media),
        }

    def snapshot(self, facts):
        """What the site shows over HTTP; the member's login changes rows."""
        with gunicorn(self.env) as base_url:
            visitor = Client(base_url)
            pages = {}
            for path in sitemap_paths(visitor):
                response = visitor.get(path)
                # Links to the site itself carry the port gunicorn happened to get.
                body = response.body.replace(base_url.encode(), b"http://site")
                pages[path] = (response.status, CSRF_TOKEN.sub(b"", body))
            anonymous = visitor.get(facts["download_path"])
            member = Client(base_url)
            member.login(facts["member"], facts["password"])
            download = member.get(facts["download_path"])
        return {
            "pages": pages,
            "anonymous_download": (anonymous.status, anonymous.header("location")),
            "member_download": (download.status, download.body),
        }


def file_checksums(*roots):
    return {
        f"{root.name}/{path.relative_to(root)}": hashlib.sha256(
            path.read_bytes()
        ).hexdigest()
        for root in roots
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def backed_up(tmp_path_factory):
    """A filled site, its snapshot and its backup; the site is wiped after."""
    site = Site(tmp_path_factory.mktemp("site"), "backup_site")
    site.create_empty()
    manage(site.env, "migrate", "--noinput")
    manage(site.env, "load_demo_content")
    manage(site.env, "collectstatic", "--noinput")
    facts = json.loads(shell(site.env, FILL))
    before = site.snapshot(facts) | site.holdings()
    backup = tmp_path_factory.mktemp("backups") / "backup"
    manage(site.env, "backup_site", str(backup))
    site.wipe()
    return site, facts, before, backup


@pytest.fixture(scope="module")
def restored(backed_up):
    site, facts, before, backup = backed_up
    site.create_empty()
    result = manage(site.env, "restore_site", str(backup))
    manage(site.env, "collectstatic", "--noinput")
    after = site.holdings()
    return site, facts, before, after | site.snapshot(facts), result


@pytest.fixture
def empty_site(tmp_path):
    site = Site(tmp_path / "empty", "backup_empty")
    site.create_empty()
    return site


def test_the_snapshot_covers_the_edited_page_in_both_languages(backed_up):
    _site, _facts, before, _backup = backed_up
    pages = before["pages"]
    assert len(pages) > 20
    for language, text in EDITED_TEXT.items():
        edited = [
            path
            for path, (_status, body) in pages.items()
            if path.startswith(f"/{language}/")
            and text.encode() in body.replace(b"&#x27;", b"'")
        ]
        assert edited, f"the edited {language} page is not in the sitemap"
    assert all(status == 200 for status, _body in pages.values())


def test_a_restored_site_serves_the_same_pages_byte_for_byte(restored):
    _site, _facts, before, after, _result = restored
    assert sorted(after["pages"]) == sorted(before["pages"])
    different = [
        path
        for path in before["pages"]
        if after["pages"][path] != before["pages"][path]
    ]
    assert different == []


def test_a_restored_site_has_the_same_rows(restored):
    _site, _facts, before, after, _result = restored
    assert '"model": "newsletter.subscriber"' in before["rows"]
    assert after["rows"] == before["rows"]


def test_a_restored_site_has_the_same_files(restored):
    _site, facts, before, after, _result = restored
    assert f"private_media/{facts['document_file']}" in before["files"]
    assert after["files"] == before["files"]


def test_members_only_files_stay_private_after_a_restore(restored):
    site, facts, before, after, _result = restored
    status, location = after["anonymous_download"]
    assert status == 302 and "/login/" in location
    assert after["member_download"] == before["member_download"]
    assert after["member_download"][1].startswith(b"%PDF")
    assert not (site.media / facts["document_file"]).exists()
    assert (site.private_media / facts["document_file"]).exists()


def test_restore_reports_what_it_restored(restored):
    *_rest, result = restored
    assert "Restored the database and" in result.stdout


def test_restore_refuses_a_database_that_is_not_empty(backed_up, restored):
    backup = backed_up[3]
    site = restored[0]
    result = manage(site.env, "restore_site", str(backup), check=False)
    assert result.returncode != 0
    assert "The database is not empty" in result.stderr


def test_restore_refuses_media_folders_that_are_not_empty(backed_up, empty_site):
    backup = backed_up[3]
    (empty_site.private_media / "left-over").mkdir(parents=True)
    (empty_site.private_media / "left-over" / "old.pdf").write_bytes(b"%PDF-1.4")
    result = manage(empty_site.env, "restore_site", str(backup), check=False)
    assert result.returncode != 0
    assert "The private_media storage is not empty" in result.stderr
    assert empty_site.table_count() == 0


def test_restore_refuses_what_is_not_a_backup(empty_site, tmp_path):
    result = manage(empty_site.env, "restore_site", str(tmp_path), check=False)
    assert result.returncode != 0
    assert "is not a backup" in result.stderr


def copy_of(backup, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(backup, copy)
    return copy


def assert_refused_untouched(site, backup, reason):
    result = manage(site.env, "restore_site", str(backup), check=False)
    assert result.returncode != 0
    assert "Nothing restored" in result.stderr
    assert reason in result.stderr
    assert site.table_count() == 0
    assert not site.media.exists() and not site.private_media.exists()


def test_a_corrupt_file_is_refused_before_anything_is_touched(
    backed_up, empty_site, tmp_path
):
    _site, facts, _before, backup = backed_up
    copy = copy_of(backup, tmp_path)
    target = copy / "private_media" / facts["document_file"]
    data = bytearray(target.read_bytes())
    data[-10] ^= 0xFF
    target.write_bytes(bytes(data))
    assert_refused_untouched(empty_site, copy, "does not match its checksum")


def test_a_truncated_database_dump_is_refused(backed_up, empty_site, tmp_path):
    _site, _facts, _before, backup = backed_up
    copy = copy_of(backup, tmp_path)
    dump = next(copy.glob("database.*"))
    dump.write_bytes(dump.read_bytes()[:1000])
    assert_refused_untouched(empty_site, copy, f"{dump.name} does not match")


def test_an_edited_manifest_is_refused(backed_up, empty_site, tmp_path):
    _site, _facts, _before, backup = backed_up
    copy = copy_of(backup, tmp_path)
    manifest = copy / "manifest.json"
    manifest.write_text(manifest.read_text().replace("cknews-1", "cknews-9"))
    assert_refused_untouched(empty_site, copy, "manifest.json does not match")


def test_a_missing_or_added_file_is_refused(backed_up, empty_site, tmp_path):
    _site, facts, _before, backup = backed_up
    copy = copy_of(backup, tmp_path)
    (copy / "media" / "intruder.html").write_text("<script>")
    assert_refused_untouched(empty_site, copy, "Files not in the manifest")
    (copy / "media" / "intruder.html").unlink()
    (copy / "private_media" / facts["document_file"]).unlink()
    assert_refused_untouched(empty_site, copy, "is missing from the backup")


def test_restore_check_only_verifies(backed_up, empty_site):
    _site, _facts, _before, backup = backed_up
    result = manage(empty_site.env, "restore_site", "--check", str(backup))
    assert "The backup is intact" in result.stdout
    assert empty_site.table_count() == 0


def test_backup_refuses_a_folder_that_is_not_empty(backed_up, empty_site):
    _site, _facts, _before, backup = backed_up
    result = manage(empty_site.env, "backup_site", str(backup), check=False)
    assert result.returncode != 0
    assert "is not an empty folder" in result.stderr
