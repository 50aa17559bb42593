"""Background tasks of the newsletter app."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from cluster_portal.background import enqueue_once

from . import services
from .models import Issue

logger = logging.getLogger(__name__)


@task(takes_context=True)
def send_issue(context, issue_id, attempt=0):
    """Send a CKnews issue to the confirmed subscribers who have not had it.

    Runs for at most NEWSLETTER_SEND_TASK_SECONDS, then queues its own
    continuation. When the mail server cannot be reached or drops the
    connection, it queues itself again after a growing delay; deferred
    deliveries (4xx) get a run when the first of them is due. Safe to run
    twice at once: every delivery is claimed in the database first.
    """
    issue = Issue.objects.filter(pk=issue_id, is_published=True).first()
    if issue is None:
        return {"sent": 0, "failed": 0, "note": "not published"}
    own_id = context.task_result.id
    try:
        total = services.send_issue(
            issue, seconds=settings.NEWSLETTER_SEND_TASK_SECONDS
        )
    except services.CONNECTION_ERRORS as error:
        attempt += 1
        if attempt >= settings.NEWSLETTER_SEND_MAX_ATTEMPTS:
            raise
        delay = services.retry_delay(attempt)
        logger.warning(
            "CKnews %s: sending interrupted (%s); trying again in %d s.",
            issue.number,
            error,
            delay,
        )
        enqueue_once(
            send_issue,
            issue_id,
            attempt=attempt,
            run_after=timezone.now() + timedelta(seconds=delay),
            exclude=own_id,
        )
        return {"error": str(error), "retry_in": delay}
    progress = services.send_progress(issue)
    if progress.remaining:
        enqueue_once(send_issue, issue_id, exclude=own_id)
    elif progress.deferred:
        enqueue_once(
            send_issue,
            issue_id,
            run_after=services.next_retry_at(issue),
            exclude=own_id,
        )
    return {"sent": total.sent, "failed": total.failed}


def start_sending(issue):
    """Queue the sending of a published issue (once); the worker does it."""
    if not issue.is_published:
        raise services.IssueNotPublished(issue)
    return enqueue_once(send_issue, issue.pk)
