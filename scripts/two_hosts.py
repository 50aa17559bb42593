#!/usr/bin/env python
"""Start two portal hosts that share one PostgreSQL database, one Redis
database and one media folder, as several production hosts do.

Each host is a gunicorn with DEBUG off on a port of its own. The database is
created afresh and filled with the demo content; the media folders live in a
new temporary folder. Stop with Ctrl-C.

    .venv/bin/python scripts/two_hosts.py \\
        --database-url postgres://postgres@127.0.0.1:5432/portal_two_hosts \\
        --cache-url redis://127.0.0.1:6379/13

tests/portal/test_two_hosts.py runs the same set-up and checks that what one
host changes, the other shows at once.
"""

import argparse
import contextlib
import os
import signal
import sys
import tempfile
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from tests.servers import (  # noqa: E402
    gunicorn,
    manage,
    production_env,
    recreate_postgres_database,
)

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_two_hosts"
DEFAULT_CACHE_URL = "redis://127.0.0.1:6379/13"


def prepare(database_url, cache_url, workdir):
    """A fresh database with the demo content, an empty Redis database and
    collected static files; returns the hosts' common environment."""
    import redis

    recreate_postgres_database(database_url)
    redis.Redis.from_url(cache_url).flushdb()
    env = production_env(workdir, database_url, cache_url)
    for command in (
        ["migrate", "--noinput"],
        ["load_demo_content"],
        ["collectstatic", "--noinput"],
    ):
        manage(env, *command)
    return env


@contextlib.contextmanager
def two_hosts(env, workers=2):
    """Hosts A and B running with ``env``; yields their base URLs."""
    with (
        gunicorn(env, workers=workers) as host_a,
        gunicorn(env, workers=workers) as host_b,
    ):
        yield host_a, host_b


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("TWO_HOSTS_DATABASE_URL", DEFAULT_DATABASE_URL),
    )
    parser.add_argument(
        "--cache-url", default=os.environ.get("TWO_HOSTS_CACHE_URL", DEFAULT_CACHE_URL)
    )
    options = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="two-hosts-"))
    env = prepare(options.database_url, options.cache_url, workdir)
    with two_hosts(env) as (host_a, host_b):
        print(f"Host A: {host_a}/de/\nHost B: {host_b}/de/\nMedia: {workdir}")
        print("Ctrl-C stops both.")
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()


if __name__ == "__main__":
    main()
