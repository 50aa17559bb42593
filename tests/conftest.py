from io import StringIO

import pytest
from cms.signals import apphook as apphook_signals
from django.core.cache import cache
from django.core.management import call_command
from django.core.signals import request_finished


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the published demo content, its
    background work done (the text of the CKreihe files read) and the task
    queue empty."""
    from django_tasks_db.models import DBTaskResult

    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=StringIO())
        run_queued_tasks()
        DBTaskResult.objects.all().delete()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"


@pytest.fixture(autouse=True)
def no_url_reload_from_before():
    """django CMS reloads its URLs at the end of the next request after a
    page with an apphook was created; no test may inherit that from the demo
    content or another test (it would make every cached page stale)."""
    request_finished.disconnect(dispatch_uid=apphook_signals.DISPATCH_UID)


@pytest.fixture(autouse=True)
def empty_cache():
    """django CMS caches pages and menus; no test may see another's cache."""
    cache.clear()
    yield
    cache.clear()


def pytest_report_header(config):
    from django.db import connection

    return f"database: {connection.vendor} ({connection.settings_dict['NAME']})"


def run_queued_tasks():
    """Run the queued background tasks that are due, as the worker does;
    returns how many ran."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    count = 0
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
        count += 1
    return count


@pytest.fixture
def run_tasks():
    """``run_tasks()`` runs the due background tasks in the test's transaction."""
    return run_queued_tasks
