"""Sending an issue: content, language and headers of each mail, batches,
interruptions and resuming."""

import smtplib
from collections import Counter
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from newsletter import services
from newsletter.models import Delivery, Subscriber

from .backends import CrashingBackend, RefusingBackend
from .conftest import path_of
from .factories import ArticleFactory, IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue():
    issue = IssueFactory(
        number=42, year=2026, quarter=2, theme_de="Wasserstoff", theme_en="Hydrogen"
    )
    ArticleFactory(
        issue=issue,
        title_de="Elektrolyse im Chemiepark",
        title_en="Electrolysis in the chemical park",
        body_de='<p>Mehr beim <a href="https://example.org/h2">Projekt</a>.</p>',
        body_en='<p>More at the <a href="https://example.org/h2">project</a>.</p>',
    )
    return issue


def recipients():
    return Counter(address for message in mail.outbox for address in message.to)


def test_each_subscriber_gets_the_issue_in_their_language(issue):
    SubscriberFactory(email="de@example.org", language="de")
    SubscriberFactory(email="en@example.org", language="en")

    services.send_issue(issue)

    by_address = {message.to[0]: message for message in mail.outbox}
    german, english = by_address["de@example.org"], by_address["en@example.org"]
    assert german.subject == "CKnews 42 · 2. Quartal 2026: Wasserstoff"
    assert english.subject == "CKnews 42 · 2nd quarter 2026: Hydrogen"
    assert "Elektrolyse im Chemiepark" in german.body
    assert "Projekt (https://example.org/h2)" in german.body
    assert "Electrolysis in the chemical park" in english.body
    html, mimetype = english.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="en">' in html
    assert 'href="https://example.org/h2" rel="noopener noreferrer">project</a>' in html
    assert "/en/fields-of-action/public-relations/cknews/42/" in html


def test_each_mail_carries_its_own_one_click_unsubscribe_link(issue, client):
    first = SubscriberFactory(language="de")
    second = SubscriberFactory(language="en")

    services.send_issue(issue)

    links = {}
    for message in mail.outbox:
        header = message.extra_headers["List-Unsubscribe"]
        assert header.startswith("<https://") and header.endswith(">")
        assert message.extra_headers["List-Unsubscribe-Post"] == (
            "List-Unsubscribe=One-Click"
        )
        assert message.extra_headers["List-Id"].startswith("CKnews <cknews.")
        link = header[1:-1]
        assert link in message.body
        assert link in message.alternatives[0][0]
        links[message.to[0]] = link
    assert len(set(links.values())) == 2
    assert "/abbestellen/" in links[first.email]
    assert "/unsubscribe/" in links[second.email]
    # The mail client's one-click POST ends exactly that subscription.
    client.post(
        path_of(links[first.email]),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Subscriber.Status.UNSUBSCRIBED
    assert second.is_confirmed


def test_links_use_https_on_the_sites_domain_unless_debugging(issue, settings):
    SubscriberFactory()
    settings.DEBUG = True

    services.send_issue(issue)

    assert f"http://{settings.SITE_DOMAIN}/" in mail.outbox[0].body


def test_only_confirmed_subscribers_receive_it(issue):
    confirmed = SubscriberFactory()
    SubscriberFactory(status=Subscriber.Status.PENDING, confirmed_at=None)
    SubscriberFactory(status=Subscriber.Status.UNSUBSCRIBED)

    services.send_issue(issue)

    assert recipients() == {confirmed.email: 1}


def test_sending_goes_in_batches_over_one_connection_each(issue, monkeypatch):
    SubscriberFactory.create_batch(7)
    opened = []
    original = services.get_connection

    def counting_connection(*args, **kwargs):
        connection = original(*args, **kwargs)
        opened.append(connection)
        return connection

    monkeypatch.setattr(services, "get_connection", counting_connection)
    batches = []

    services.send_issue(issue, batch_size=3, on_batch=batches.append)

    assert [batch.sent for batch in batches] == [3, 3, 1]
    assert len(opened) == 3
    assert len(mail.outbox) == 7


def test_an_interrupted_send_resumes_and_nobody_gets_it_twice(issue, settings):
    subscribers = SubscriberFactory.create_batch(10)
    settings.EMAIL_BACKEND = "tests.newsletter.backends.CrashingBackend"
    CrashingBackend.accepted, CrashingBackend.accept = 0, 4

    with pytest.raises(smtplib.SMTPServerDisconnected):
        services.send_issue(issue, batch_size=3)

    progress = services.send_progress(issue)
    assert (progress.sent, progress.failed, progress.uncertain) == (4, 0, 0)
    assert progress.remaining == 6
    assert len(mail.outbox) == 4

    # The server is back; the send resumes where it stopped.
    CrashingBackend.accept = 1000
    services.send_issue(issue, batch_size=3)

    assert recipients() == {subscriber.email: 1 for subscriber in subscribers}
    progress = services.send_progress(issue)
    assert (progress.sent, progress.remaining) == (10, 0)
    assert Delivery.objects.filter(issue=issue).count() == 10


def test_a_second_run_after_completion_sends_nothing(issue):
    SubscriberFactory.create_batch(3)
    services.send_issue(issue)

    total = services.send_issue(issue)

    assert total.tried == 0
    assert len(mail.outbox) == 3


def test_a_subscriber_confirmed_later_gets_the_issue_on_the_next_run(issue):
    SubscriberFactory()
    services.send_issue(issue)
    late = SubscriberFactory()

    services.send_issue(issue)

    assert recipients()[late.email] == 1
    assert len(mail.outbox) == 2


def test_a_refused_address_is_recorded_and_the_send_goes_on(issue, settings):
    bad = SubscriberFactory(email="gone@example.org")
    good = SubscriberFactory()
    settings.EMAIL_BACKEND = "tests.newsletter.backends.RefusingBackend"
    RefusingBackend.refused = {"gone@example.org"}

    total = services.send_issue(issue)

    assert (total.sent, total.failed) == (1, 1)
    assert recipients() == {good.email: 1}
    failure = Delivery.objects.get(subscriber=bad)
    assert failure.status == Delivery.Status.FAILED
    assert "No such user" in failure.error
    # Failures are tried again only when asked.
    assert services.send_issue(issue).tried == 0
    RefusingBackend.refused = set()
    assert services.retry_deliveries(issue, [Delivery.Status.FAILED]) == 1
    services.send_issue(issue)
    assert recipients() == {good.email: 1, bad.email: 1}


def test_a_delivery_in_progress_elsewhere_is_not_sent_again(issue):
    subscriber = SubscriberFactory()
    Delivery.objects.create(issue=issue, subscriber=subscriber)  # "sending"

    total = services.send_issue(issue)

    assert total.tried == 0
    assert mail.outbox == []
    assert services.send_progress(issue).uncertain == 1


def test_an_unpublished_issue_is_not_sent(issue):
    issue.is_published = False
    issue.save()
    SubscriberFactory()

    with pytest.raises(services.IssueNotPublished):
        services.send_batch(issue)
    assert mail.outbox == []


def test_a_preview_goes_to_one_address_and_is_not_recorded(issue):
    SubscriberFactory()

    services.send_preview(issue, "editor@example.org", "en")

    [message] = mail.outbox
    assert message.to == ["editor@example.org"]
    assert message.subject.startswith("[Preview] CKnews 42")
    assert not Delivery.objects.exists()


def test_the_command_sends_and_reports(issue):
    SubscriberFactory.create_batch(5)
    output = StringIO()

    call_command("send_cknews", "42", "--batch-size", "2", stdout=output)

    assert len(mail.outbox) == 5
    text = output.getvalue()
    assert "2 sent, 0 failed; 3 remaining" in text
    assert "5 sent, 0 failed, 0 uncertain, 0 remaining" in text


def test_the_command_sends_a_preview(issue):
    SubscriberFactory()

    call_command(
        "send_cknews", "42", "--preview", "chef@example.org", "--language", "de",
        stdout=StringIO(),
    )  # fmt: skip

    [message] = mail.outbox
    assert message.to == ["chef@example.org"]
    assert message.subject.startswith("[Vorschau]")


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        (["999"], "There is no CKnews issue 999"),
        (["42", "--preview", "not-an-address"], "Not an e-mail address"),
    ],
)
def test_the_command_refuses_bad_input(issue, arguments, problem):
    with pytest.raises(CommandError, match=problem):
        call_command("send_cknews", *arguments, stdout=StringIO())


def test_the_command_refuses_an_unpublished_issue(issue):
    issue.is_published = False
    issue.save()

    with pytest.raises(CommandError, match="not published"):
        call_command("send_cknews", "42", stdout=StringIO())


def test_retry_uncertain_sends_the_unknown_ones_again(issue):
    subscriber = SubscriberFactory()
    Delivery.objects.create(issue=issue, subscriber=subscriber)

    call_command("send_cknews", "42", "--retry-uncertain", stdout=StringIO())

    assert recipients() == {subscriber.email: 1}
    assert Delivery.objects.get().status == Delivery.Status.SENT


def test_the_command_queues_the_send_for_the_worker(issue, run_tasks):
    SubscriberFactory.create_batch(2)
    out = StringIO()

    call_command("send_cknews", "42", "--background", stdout=out)
    call_command("send_cknews", "42", "--background", stdout=out)

    assert out.getvalue().splitlines() == [
        "CKnews 42 is queued for the worker.",
        "CKnews 42 is already queued or being sent.",
    ]
    assert mail.outbox == []
    assert run_tasks() == 1
    assert sum(recipients().values()) == 2
