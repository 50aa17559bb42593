import logging
import threading

from django.conf import settings
from django.db import connections
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from cluster_portal.background import requeue_stale

logger = logging.getLogger(__name__)


class Command(DBWorkerCommand):
    help = (
        "Run the background tasks (CKnews sending, the Clusteratlas PDF, ...) "
        "queued in the database, until stopped. Start one or more per "
        "installation, on any host that shares the database. Tasks whose "
        "worker died are queued again after TASKS_STALE_AFTER seconds."
    )

    def handle(self, *args, **options):
        stale_after = settings.TASKS_STALE_AFTER
        self._requeue(stale_after)
        watcher = threading.Thread(
            target=self._watch, args=(stale_after,), daemon=True, name="requeue"
        )
        watcher.start()
        super().handle(*args, **options)

    def _watch(self, stale_after):
        stop = threading.Event()
        while not stop.wait(min(60, max(stale_after / 2, 0.5))):
            self._requeue(stale_after)

    def _requeue(self, stale_after):
        try:
            count = requeue_stale(stale_after)
        except Exception:  # a database hiccup: the next round tries again
            logger.exception("Could not look for stale tasks")
            count = 0
        finally:
            connections.close_all()
        if count:
            logger.warning("Queued %d task(s) again whose worker had died.", count)
