"""The management's side: issues, the send view, subscribers."""

import csv
import io

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from django.utils import translation

from newsletter.models import Delivery, Issue, Subscriber

from .factories import ArticleFactory, DeliveryFactory, IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def german_admin():
    """The admin's URLs, and so its language, in German."""
    with translation.override("de"):
        yield


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser(
        "editor", "editor@example.org", "pw"
    )
    client.force_login(user)
    return user


def send_url(issue):
    return reverse("admin:newsletter_issue_send", args=[issue.pk])


def test_the_issue_admin_edits_articles_inline(client, editor):
    issue = IssueFactory()
    ArticleFactory(issue=issue, title_de="Inline-Artikel")

    response = client.get(reverse("admin:newsletter_issue_change", args=[issue.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Inline-Artikel" in html
    assert send_url(issue) in html


def test_an_article_body_is_sanitised_on_saving():
    article = ArticleFactory(
        body_de='<p onclick="x()">Gut<script>böse()</script>'
        '<a href="javascript:alert(1)">Link</a></p><iframe src="x"></iframe>'
    )
    article.refresh_from_db()

    assert article.body_de == '<p>Gut<a rel="noopener noreferrer">Link</a></p>'


def test_the_send_view_shows_progress(client, editor):
    issue = IssueFactory()
    SubscriberFactory.create_batch(3)
    DeliveryFactory(issue=issue)

    response = client.get(send_url(issue))

    assert response.status_code == 200
    progress = response.context["progress"]
    assert (progress.subscribers, progress.sent, progress.remaining) == (4, 1, 3)
    assert 'id="progress-remaining">3<' in response.content.decode()


def test_the_send_view_sends_a_preview(client, editor):
    issue = IssueFactory(is_published=False)

    response = client.post(
        send_url(issue),
        {"action": "preview", "email": "chef@example.org", "language": "en"},
        follow=True,
    )

    assert response.status_code == 200
    [message] = mail.outbox
    assert message.to == ["chef@example.org"]
    assert not Delivery.objects.exists()


def test_the_send_view_queues_the_send_and_shows_its_progress(
    client, editor, settings, run_tasks
):
    settings.NEWSLETTER_SEND_BATCH_SIZE = 2
    issue = IssueFactory()
    SubscriberFactory.create_batch(3)

    started = client.post(send_url(issue), {"action": "send"}, follow=True)
    again = client.post(send_url(issue), {"action": "send"}, follow=True)

    assert "im Hintergrund begonnen" in started.content.decode()
    assert "wird bereits versendet" in again.content.decode()
    assert started.context["is_sending"] is True
    assert 'data-refresh="5"' in started.content.decode()
    assert mail.outbox == []
    assert run_tasks() == 1
    done = client.get(send_url(issue))
    assert len(mail.outbox) == 3
    assert done.context["progress"].is_complete
    assert done.context["is_sending"] is False
    page = done.content.decode()
    assert "Erledigt" in page and "3 versendet, 0 fehlgeschlagen." in page


def test_an_unpublished_issue_cannot_be_sent_from_the_admin(client, editor):
    issue = IssueFactory(is_published=False)
    SubscriberFactory()

    response = client.post(send_url(issue), {"action": "send"}, follow=True)

    assert "veröffentlichen Sie die Ausgabe" in response.content.decode()
    assert response.context["runs"] == []
    assert mail.outbox == []


def test_a_failing_mail_server_is_retried_later_and_shown(
    client, editor, settings, run_tasks
):
    settings.EMAIL_BACKEND = "tests.newsletter.backends.BrokenBackend"
    issue = IssueFactory()
    SubscriberFactory()

    client.post(send_url(issue), {"action": "send"})
    run_tasks()
    response = client.get(send_url(issue))

    assert response.status_code == 200
    assert response.context["progress"].remaining == 1
    [retry, first] = response.context["runs"]
    assert (retry.status, first.status) == ("READY", "SUCCESSFUL")
    assert "erneut versucht nach 60 Sekunden" in response.content.decode()


def test_sending_needs_its_own_permission(client):
    user = get_user_model().objects.create_user("staff", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_issue"))
    client.force_login(user)
    issue = IssueFactory()

    assert client.get(send_url(issue)).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="send_issue"))
    user = get_user_model().objects.get(pk=user.pk)
    client.force_login(user)
    assert client.get(send_url(issue)).status_code == 200


def test_the_send_action_leads_to_the_send_view(client, editor):
    issue = IssueFactory()

    response = client.post(
        reverse("admin:newsletter_issue_changelist"),
        {"action": "send_selected", "_selected_action": [issue.pk]},
    )

    assert response.status_code == 302
    assert response["Location"] == send_url(issue)


def test_subscribers_can_be_searched_and_exported(client, editor):
    SubscriberFactory(email="anna@example.org", language="en")
    SubscriberFactory(email="=cmd@example.org")
    SubscriberFactory(email="bert@example.org")

    found = client.get(reverse("admin:newsletter_subscriber_changelist"), {"q": "anna"})
    export = client.post(
        reverse("admin:newsletter_subscriber_changelist"),
        {
            "action": "export_csv",
            "_selected_action": list(Subscriber.objects.values_list("pk", flat=True)),
        },
    )

    assert "anna@example.org" in found.content.decode()
    assert "bert@example.org" not in found.content.decode()
    assert export["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["E-Mail-Adresse", "Sprache", "Status"]
    assert len(rows) == 4
    assert ["anna@example.org", "en", "confirmed"] == rows[1][:3]
    assert rows[2][0] == "'=cmd@example.org"


def test_subscribers_cannot_be_added_or_edited_by_hand(client, editor):
    subscriber = SubscriberFactory()

    add = client.get(reverse("admin:newsletter_subscriber_add"))
    change = client.post(
        reverse("admin:newsletter_subscriber_change", args=[subscriber.pk]),
        {"email": "other@example.org"},
    )

    assert add.status_code == 403
    assert change.status_code == 403
    subscriber.refresh_from_db()
    assert subscriber.email != "other@example.org"


def test_deleting_a_subscriber_leaves_no_personal_data(client, editor):
    subscriber = SubscriberFactory(email="erase.me@example.org")
    issue = IssueFactory()
    DeliveryFactory(
        issue=issue,
        subscriber=subscriber,
        status=Delivery.Status.FAILED,
        error="550 <erase.me@example.org> mailbox full",
    )
    change_url = reverse("admin:newsletter_subscriber_change", args=[subscriber.pk])
    client.get(change_url)

    response = client.post(
        reverse("admin:newsletter_subscriber_delete", args=[subscriber.pk]),
        {"post": "yes"},
    )

    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    delivery = Delivery.objects.get()
    assert delivery.subscriber is None
    assert delivery.error == ""
    assert not LogEntry.objects.filter(object_repr__contains="erase.me").exists()
    assert LogEntry.objects.filter(object_id=str(subscriber.pk)).exists()
    # The issue still counts the delivery, anonymously.
    assert Issue.objects.get(pk=issue.pk).deliveries.count() == 1


@pytest.mark.parametrize(
    "name",
    [
        "newsletter_issue_changelist",
        "newsletter_issue_add",
        "newsletter_newsitem_changelist",
        "newsletter_newsitem_add",
        "newsletter_subscriber_changelist",
        "newsletter_delivery_changelist",
    ],
)
def test_the_admin_pages_open(client, editor, name):
    DeliveryFactory()

    response = client.get(reverse(f"admin:{name}"))

    assert response.status_code == 200


def test_a_subscribers_record_of_consent_is_shown_read_only(client, editor):
    subscriber = SubscriberFactory(consent_version="2026-11")

    response = client.get(
        reverse("admin:newsletter_subscriber_change", args=[subscriber.pk])
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "2026-11" in html
    assert 'name="email"' not in html


def test_the_send_view_needs_the_same_queries_however_many_runs(
    client, editor, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from newsletter import tasks

    issue, other = IssueFactory(), IssueFactory()
    SubscriberFactory.create_batch(3)
    tasks.send_issue.enqueue(issue.pk)
    # Warm up sessions and caches. The first request creates the editor's
    # clipboard, a placeholder, which changes the pages' content version.
    for _ in range(2):
        client.get(send_url(issue))
    with CaptureQueriesContext(connection) as one_run:
        client.get(send_url(issue))
    for _run in range(30):
        tasks.send_issue.enqueue(issue.pk)
        tasks.send_issue.enqueue(other.pk)

    with django_assert_num_queries(len(one_run)):
        response = client.get(send_url(issue))

    runs = response.context["runs"]
    assert len(runs) == 10
    assert all(run.args_kwargs["args"] == [issue.pk] for run in runs)
