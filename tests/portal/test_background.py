"""The helpers every background task relies on: queueing once, and taking
up the tasks of a worker that died."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cluster_portal import background
from newsletter.tasks import send_issue

pytestmark = pytest.mark.django_db


def test_a_task_is_queued_once_while_it_is_pending():
    first = background.enqueue_once(send_issue, 1)
    again = background.enqueue_once(send_issue, 1)
    other = background.enqueue_once(send_issue, 2)

    assert first is not None and other is not None
    assert again is None
    assert background.pending(send_issue, 1)
    assert not background.pending(send_issue, 1, exclude=first.id)
    assert [row.args_kwargs["args"] for row in background.results(send_issue, 1)] == [
        [1]
    ]


def test_a_finished_task_may_be_queued_again():
    first = background.enqueue_once(send_issue, 1)
    DBTaskResult.objects.filter(pk=first.id).update(status="SUCCESSFUL")

    assert background.enqueue_once(send_issue, 1) is not None
    assert len(background.results(send_issue, 1)) == 2


def test_only_tasks_running_too_long_are_queued_again():
    stale = send_issue.enqueue(1)
    fresh = send_issue.enqueue(2)
    now = timezone.now()
    DBTaskResult.objects.filter(pk=stale.id).update(
        status="RUNNING", started_at=now - timedelta(seconds=120)
    )
    DBTaskResult.objects.filter(pk=fresh.id).update(
        status="RUNNING", started_at=now - timedelta(seconds=10)
    )

    assert background.requeue_stale(60) == 1

    statuses = {
        str(pk): status
        for pk, status in DBTaskResult.objects.values_list("pk", "status")
    }
    assert statuses == {stale.id: "READY", fresh.id: "RUNNING"}
    assert DBTaskResult.objects.ready().filter(pk=stale.id).exists()
