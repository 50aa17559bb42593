"""The embedded SQLite database under writers in several processes."""

import subprocess
import sys

from tests.servers import PROJECT_DIR, production_env, shell

# Reads, lets the other process write, then writes itself: begun as a
# reader, its first write would fail with "database is locked".
READ_THEN_WRITE = """
import pathlib, time
from django.db import connection, transaction
with transaction.atomic(), connection.cursor() as cursor:
    cursor.execute("SELECT COUNT(*) FROM probe")
    pathlib.Path({ready!r}).touch()
    time.sleep(1)
    cursor.execute("INSERT INTO probe VALUES ('reader')")
"""
WRITE = """
import pathlib, time
from django.db import connection, transaction
while not pathlib.Path({ready!r}).exists():
    time.sleep(0.05)
with transaction.atomic(), connection.cursor() as cursor:
    cursor.execute("INSERT INTO probe VALUES ('writer')")
"""


def test_writers_in_two_processes_wait_for_each_other_instead_of_failing(tmp_path):
    env = production_env(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}")
    shell(
        env,
        "from django.db import connection\n"
        "connection.cursor().execute('CREATE TABLE probe (name text)')",
    )
    ready = str(tmp_path / "ready")
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "shell",
                "--no-imports",
                "--command",
                code.format(ready=ready),
            ],
            cwd=PROJECT_DIR,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for code in (READ_THEN_WRITE, WRITE)
    ]
    errors = [process.communicate(timeout=60)[1] for process in processes]

    assert [process.returncode for process in processes] == [0, 0], errors
    names = shell(
        env,
        "from django.db import connection\n"
        "c = connection.cursor(); c.execute('SELECT name FROM probe')\n"
        "print(sorted(n for (n,) in c.fetchall()))",
    )
    assert names.strip() == "['reader', 'writer']"
