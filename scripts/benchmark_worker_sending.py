"""Queue a CKnews issue for 500 subscribers, start the background worker
and print how long it takes until a real SMTP server (aiosmtpd, from
requirements-dev.txt) has every message, and whether anyone got two.

Runs the worker as production does (`manage.py run_worker`, DEBUG off) on a
throwaway SQLite database with the demo content, or on DATABASE_URL if set.

    .venv/bin/python scripts/benchmark_worker_sending.py
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_DIR))

from tests.newsletter import test_worker  # noqa: E402
from tests.newsletter.smtp import SMTPServer  # noqa: E402

SUBSCRIBERS = 500


def main():
    workdir = Path(tempfile.mkdtemp(prefix="worker-benchmark-"))
    env = os.environ | {
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": os.environ.get(
            "DATABASE_URL", f"sqlite:///{workdir / 'db.sqlite3'}"
        ),
        "MEDIA_ROOT": str(workdir / "media"),
    }
    test_worker.manage(env, "migrate", "--noinput")
    test_worker.manage(env, "load_demo_content")
    setup = test_worker.SETUP.replace(
        f"range({test_worker.SUBSCRIBERS})", f"range({SUBSCRIBERS})"
    )
    test_worker.shell(env, setup)
    with SMTPServer() as smtp:
        test_worker.manage(env, "send_cknews", "900", "--background")
        started = time.monotonic()
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--no-reload"]
            + ["--no-startup-delay", "--interval", "0.2", "-v0"],
            cwd=PROJECT_DIR,
            env=env | {"EMAIL_URL": smtp.email_url},
        )
        while len(smtp.handler.received) < SUBSCRIBERS:
            time.sleep(0.1)
        took = time.monotonic() - started
        worker.terminate()
        worker.wait()
        counts = smtp.handler.counts()
    print(
        f"{SUBSCRIBERS} subscribers: {took:.1f} s from the worker's start, "
        f"{1000 * took / SUBSCRIBERS:.1f} ms per mail; {len(counts)} addresses "
        f"mailed, at most {max(counts.values())} time(s) each"
    )


if __name__ == "__main__":
    main()
