"""Sending in the background against a real SMTP server: temporary refusals
and dropped connections are retried later, permanent refusals are not."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsletter import services, tasks
from newsletter.models import Delivery

from .factories import IssueFactory, SubscriberFactory
from .smtp import SMTPServer

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 10
        yield server.handler


@pytest.fixture
def issue():
    return IssueFactory()


def subscribers(count):
    return [
        SubscriberFactory(email=f"reader{n}@example.org") for n in range(1, count + 1)
    ]


def waiting_runs():
    return list(
        DBTaskResult.objects.filter(
            status="READY", task_path=tasks.send_issue.module_path
        )
    )


def make_due():
    """Let the clock pass the next retry, for deliveries and queued runs."""
    past = timezone.now() - timedelta(seconds=1)
    Delivery.objects.filter(status=Delivery.Status.DEFERRED).update(retry_at=past)
    DBTaskResult.objects.filter(status="READY").update(run_after=past)


def test_a_temporary_refusal_is_deferred_and_sent_on_a_later_run(
    issue, smtp, run_tasks
):
    first, busy, third = subscribers(3)
    smtp.refuse[busy.email] = "450 4.2.1 Mailbox busy, try later"

    tasks.start_sending(issue)
    run_tasks()

    delivery = Delivery.objects.get(subscriber=busy)
    assert delivery.status == Delivery.Status.DEFERRED
    assert delivery.error == "450 4.2.1 Mailbox busy, try later"
    assert delivery.retry_at > timezone.now() + timedelta(seconds=50)
    [retry] = waiting_runs()
    assert retry.run_after == delivery.retry_at
    assert run_tasks() == 0  # not due yet
    assert smtp.counts() == {first.email: 1, third.email: 1}

    del smtp.refuse[busy.email]
    make_due()
    run_tasks()

    assert smtp.counts() == {first.email: 1, busy.email: 1, third.email: 1}
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Delivery.Status.SENT, 2)
    assert services.send_progress(issue).is_complete
    assert waiting_runs() == []


def test_a_permanent_refusal_is_marked_failed_and_not_retried(issue, smtp, run_tasks):
    first, unknown = subscribers(2)
    smtp.refuse[unknown.email] = "550 5.1.1 No such user"

    tasks.start_sending(issue)
    run_tasks()

    delivery = Delivery.objects.get(subscriber=unknown)
    assert (delivery.status, delivery.error) == (
        Delivery.Status.FAILED,
        "550 5.1.1 No such user",
    )
    assert waiting_runs() == []
    assert services.send_progress(issue).is_complete
    make_due()
    assert run_tasks() == 0
    assert smtp.counts() == {first.email: 1}


def test_a_dropped_connection_is_retried_later_with_backoff(issue, smtp, run_tasks):
    readers = subscribers(4)
    smtp.drop.add(readers[2].email)

    tasks.start_sending(issue)
    run_tasks()

    assert smtp.counts() == {readers[0].email: 1, readers[1].email: 1}
    assert not Delivery.objects.filter(subscriber=readers[2]).exists()
    [retry] = waiting_runs()
    assert retry.args_kwargs == {"args": [issue.pk], "kwargs": {"attempt": 1}}
    delay = (retry.run_after - timezone.now()).total_seconds()
    assert 50 < delay <= 60

    make_due()
    smtp.drop.add(readers[3].email)
    run_tasks()
    [second_retry] = waiting_runs()
    assert second_retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert 110 < (second_retry.run_after - timezone.now()).total_seconds() <= 120

    make_due()
    run_tasks()
    assert smtp.counts() == {reader.email: 1 for reader in readers}
    assert services.send_progress(issue).is_complete


def test_a_refusal_that_persists_fails_after_the_last_attempt(
    issue, smtp, run_tasks, settings
):
    settings.NEWSLETTER_SEND_MAX_ATTEMPTS = 3
    [busy] = subscribers(1)
    smtp.refuse[busy.email] = "451 4.3.0 Temporary failure"

    tasks.start_sending(issue)
    for _attempt in range(3):
        run_tasks()
        make_due()

    delivery = Delivery.objects.get(subscriber=busy)
    assert (delivery.status, delivery.attempts) == (Delivery.Status.FAILED, 3)
    assert waiting_runs() == []
    assert smtp.counts() == {}


def test_an_unreachable_server_gives_up_after_the_last_attempt(
    issue, settings, run_tasks
):
    settings.EMAIL_BACKEND = "tests.newsletter.backends.BrokenBackend"
    settings.NEWSLETTER_SEND_MAX_ATTEMPTS = 2
    subscribers(1)

    tasks.start_sending(issue)
    run_tasks()
    make_due()
    run_tasks()

    [last, first] = tasks_results(issue)
    assert (first.status, last.status) == ("SUCCESSFUL", "FAILED")
    assert last.exception_class_path == "builtins.ConnectionRefusedError"
    assert services.send_progress(issue).remaining == 1


def tasks_results(issue):
    from cluster_portal.background import results

    return list(results(tasks.send_issue, issue.pk))
