"""Background tasks: queueing them once, finding their records, and taking
up the ones whose worker died.

A task is a function decorated with ``django_tasks.task`` in an app's
``tasks.py``; ``manage.py run_worker`` runs what is queued. Arguments must be
JSON values (pass primary keys, not model instances), and a task must be safe
to run twice: a worker killed mid-task leaves it marked running, and after
``TASKS_STALE_AFTER`` seconds it is queued and run again from the start.
"""

from datetime import timedelta

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

PENDING = (TaskResultStatus.READY, TaskResultStatus.RUNNING)


def results(task, *args):
    """The records of ``task`` run with these positional arguments, newest
    first (keyword arguments, such as a retry count, do not matter)."""
    return DBTaskResult.objects.filter(
        task_path=task.module_path, args_kwargs__args=list(args)
    ).order_by("-enqueued_at")


def pending(task, *args, exclude=None):
    """Whether ``task`` with these arguments is queued or running."""
    return results(task, *args).filter(status__in=PENDING).exclude(pk=exclude).exists()


def enqueue_once(task, *args, run_after=None, exclude=None, **kwargs):
    """Queue ``task`` unless a run with the same arguments is already queued
    or running; ``exclude`` names the calling task's own record. Two callers
    at the same instant may still both queue it, which is why tasks must be
    safe to run twice."""
    if pending(task, *args, exclude=exclude):
        return None
    if run_after is not None:
        task = task.using(run_after=run_after)
    return task.enqueue(*args, **kwargs)


def requeue_stale(stale_after):
    """Queue again the tasks marked running for longer than ``stale_after``
    seconds: their worker was killed or its host went away."""
    now = timezone.now()
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING,
        started_at__lt=now - timedelta(seconds=stale_after),
    ).update(status=TaskResultStatus.READY, run_after=now)
