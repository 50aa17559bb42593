"""The whole life of a subscription, through HTTP and the mail outbox."""

import pytest
from django.core import mail, signing
from django.utils import timezone

from newsletter import services
from newsletter.forms import CONSENT_VERSION
from newsletter.models import Subscriber
from newsletter.tokens import make_confirmation_token, make_unsubscribe_token

from .conftest import links_in, path_of, url
from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def confirmation_path(message):
    """The path of the confirmation link in a mail."""
    [link] = [
        link
        for link in links_in(message.body)
        if "/bestaetigen/" in link or "/confirm/" in link
    ]
    return path_of(link)


def test_subscribing_sends_a_confirmation_link_and_stores_the_consent(subscribe):
    before = timezone.now()

    response = subscribe("Ada@Example.org", language="en", page_language="de")

    assert response.status_code == 302
    assert response["Location"] == url("newsletter:subscribe-done", "de")
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "Ada@Example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.language == "en"
    assert subscriber.subscribed_at >= before
    assert subscriber.confirmed_at is None
    assert subscriber.consent_version == CONSENT_VERSION
    assert subscriber.consent_language == "de"
    [message] = mail.outbox
    assert message.to == ["Ada@Example.org"]
    assert message.subject == "Please confirm your CKnews subscription"
    assert "The link works for 7 days." in message.body
    assert "/en/fields-of-action/public-relations/cknews/confirm/" in message.body


def test_the_confirmation_mail_is_german_for_a_german_subscriber(subscribe):
    subscribe("berta@example.org", language="de", page_language="en")

    [message] = mail.outbox
    assert message.subject == "Bitte bestätigen Sie Ihr CKnews-Abonnement"
    assert "Der Link ist 7 Tage lang gültig." in message.body
    assert "/de/handlungsfelder/oeffentlichkeitsarbeit/cknews/bestaetigen/" in (
        message.body
    )


def test_the_whole_life_of_a_subscription(client, subscribe, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    subscribe("clara@example.org")
    confirm = confirmation_path(mail.outbox[0])

    # Opening the link (as a mail scanner does) confirms nothing.
    page = client.get(confirm)
    assert page.status_code == 200
    assert "Ja, ich möchte CKnews erhalten" in page.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    done = client.post(confirm)
    assert done.status_code == 200
    assert "Abonnement bestätigt" in done.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None

    # An issue arrives, with a working unsubscribe link.
    issue = IssueFactory()
    services.send_issue(issue)
    issue_mail = mail.outbox[-1]
    assert issue_mail.to == ["clara@example.org"]
    unsubscribe = path_of(issue_mail.extra_headers["List-Unsubscribe"][1:-1])
    assert unsubscribe in issue_mail.body

    page = client.get(unsubscribe)
    assert page.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    gone = client.post(unsubscribe)
    assert gone.status_code == 200
    assert "Sie haben CKnews abbestellt" in gone.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None

    # The next issue does not reach them ...
    outbox_size = len(mail.outbox)
    services.send_issue(IssueFactory())
    assert len(mail.outbox) == outbox_size

    # ... until they come back through the double opt-in.
    subscribe("clara@example.org")
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    client.post(confirmation_path(mail.outbox[-1]))
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.unsubscribed_at is None
    assert Subscriber.objects.count() == 1


def test_confirming_twice_says_it_is_already_confirmed(client, subscribe):
    subscribe("dora@example.org")
    confirm = confirmation_path(mail.outbox[0])
    client.post(confirm)
    first_confirmation = Subscriber.objects.get().confirmed_at

    again = client.post(confirm)

    assert again.status_code == 200
    assert "Ihr Abonnement war bereits bestätigt" in again.content.decode()
    assert Subscriber.objects.get().confirmed_at == first_confirmation


@pytest.mark.parametrize("status", ["pending", "confirmed", "unsubscribed", None])
def test_the_answer_is_the_same_whatever_the_address_state(client, subscribe, status):
    if status:
        SubscriberFactory(email="known@example.org", status=status)

    response = subscribe("KNOWN@example.org")
    page = client.get(response["Location"])

    assert response.status_code == 302
    assert response["Location"] == url("newsletter:subscribe-done")
    assert "Bitte sehen Sie in Ihr Postfach" in page.content.decode()
    assert len(mail.outbox) == 1
    assert Subscriber.objects.filter(email__iexact="known@example.org").count() == 1


def test_a_confirmed_subscriber_is_told_by_mail_and_left_alone(subscribe):
    subscriber = SubscriberFactory(email="eve@example.org", language="en")

    subscribe("eve@example.org", language="de")

    [message] = mail.outbox
    assert message.subject == "You are already subscribed to CKnews"
    assert "/en/fields-of-action/public-relations/cknews/unsubscribe/" in message.body
    unchanged = Subscriber.objects.get()
    assert unchanged.status == Subscriber.Status.CONFIRMED
    assert unchanged.language == "en"
    assert unchanged.confirmed_at == subscriber.confirmed_at


def test_a_new_request_retires_the_older_confirmation_link(client, subscribe):
    subscribe("fritz@example.org")
    old_link = confirmation_path(mail.outbox[0])
    subscribe("fritz@example.org")

    response = client.post(old_link)

    assert response.status_code == 400
    assert "Dieser Link ist ungültig" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert client.post(confirmation_path(mail.outbox[1])).status_code == 200


def test_an_expired_confirmation_link_shows_a_clear_page(client, subscribe, settings):
    subscribe("gustav@example.org")
    link = confirmation_path(mail.outbox[0])
    settings.NEWSLETTER_CONFIRMATION_MAX_AGE = -1

    page = client.get(link)
    post = client.post(link)

    assert page.status_code == post.status_code == 400
    assert "Dieser Link ist abgelaufen" in page.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_an_expired_link_is_explained_in_english_too(client, settings):
    subscriber = SubscriberFactory(status="pending")
    link = url("newsletter:confirm", "en", token=make_confirmation_token(subscriber))
    assert client.get(link).status_code == 200
    settings.NEWSLETTER_CONFIRMATION_MAX_AGE = -1

    expired = client.get(link)

    assert expired.status_code == 400
    assert "This link has expired" in expired.content.decode()


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "eyJzIjoxfQ:1u2v3w:forgedsignature",
        signing.dumps({"s": 1, "e": "x", "r": 0}, salt="another.salt"),
    ],
)
def test_forged_tokens_change_nothing(client, token):
    subscriber = SubscriberFactory(status="pending")

    confirm = client.post(url("newsletter:confirm", token=token))
    leave = client.post(url("newsletter:unsubscribe", token=token))

    assert confirm.status_code == leave.status_code == 400
    assert "Dieser Link ist ungültig" in confirm.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_a_token_for_one_address_does_not_work_after_it_changed_hands(client):
    subscriber = SubscriberFactory(email="old@example.org")
    token = make_unsubscribe_token(subscriber)
    Subscriber.objects.filter(pk=subscriber.pk).update(email="new@example.org")

    response = client.post(url("newsletter:unsubscribe", token=token))

    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_an_unsubscribed_address_cannot_be_confirmed_with_an_old_link(client):
    subscriber = SubscriberFactory(status="pending")
    token = make_confirmation_token(subscriber)
    services.unsubscribe(subscriber)

    response = client.post(url("newsletter:confirm", token=token))

    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_one_click_unsubscribe_works_without_a_csrf_token(settings):
    from django.test import Client

    subscriber = SubscriberFactory()
    client = Client(enforce_csrf_checks=True)
    token = make_unsubscribe_token(subscriber)

    response = client.post(
        url("newsletter:unsubscribe", "en", token=token),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_confirming_needs_the_csrf_token_of_the_page():
    from django.test import Client

    subscriber = SubscriberFactory(status="pending")
    client = Client(enforce_csrf_checks=True)
    link = url("newsletter:confirm", token=make_confirmation_token(subscriber))

    forged = client.post(link)
    page = client.get(link)
    csrf = page.context["csrf_token"]
    genuine = client.post(link, {"csrfmiddlewaretoken": str(csrf)})

    assert forged.status_code == 403
    assert genuine.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed


def test_unsubscribing_twice_is_harmless(client):
    subscriber = SubscriberFactory()
    link = url("newsletter:unsubscribe", token=make_unsubscribe_token(subscriber))
    client.post(link)
    first = Subscriber.objects.get().unsubscribed_at

    again = client.post(link)
    page = client.get(link)

    assert again.status_code == 200
    assert Subscriber.objects.get().unsubscribed_at == first
    assert "nicht mehr abonniert" in page.content.decode()


@pytest.mark.parametrize("email", ["", "no-at-sign", "a@b", "x" * 250 + "@example.org"])
def test_a_malformed_address_gets_a_form_error_and_no_record(subscribe, email):
    response = subscribe(email)

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_consent_is_required(subscribe):
    response = subscribe("hanna@example.org", consent=False)

    assert response.status_code == 200
    assert "Bitte stimmen Sie zu" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_the_form_links_the_privacy_policy_in_both_languages(client):
    german = client.get(url("newsletter:subscribe", "de")).content.decode()
    english = client.get(url("newsletter:subscribe", "en")).content.decode()

    assert 'href="/de/datenschutz/"' in german
    assert "Ich möchte CKnews per E-Mail erhalten" in german
    assert 'href="/en/privacy-policy/"' in english
    assert "I would like to receive CKnews by e-mail" in english


def test_a_bot_filling_the_hidden_field_gets_the_answer_but_no_record(subscribe):
    response = subscribe("bot@example.org", website="http://spam.example")

    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_a_double_submit_leaves_one_pending_record(subscribe):
    subscribe("ida@example.org")
    subscribe("ida@example.org")

    assert Subscriber.objects.count() == 1
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_attempts_per_address_are_limited(subscribe, settings):
    settings.NEWSLETTER_RATE_LIMIT_PER_EMAIL = 2

    answers = [subscribe("jan@example.org").status_code for _ in range(3)]
    other = subscribe("karl@example.org")

    assert answers == [302, 302, 429]
    assert "zu viele Anmeldeversuche" in subscribe("JAN@example.org").content.decode()
    assert other.status_code == 302
    assert len(mail.outbox) == 3


def test_attempts_per_client_are_limited(subscribe, settings):
    settings.NEWSLETTER_RATE_LIMIT_PER_IP = 3

    answers = [subscribe(f"user{n}@example.org").status_code for n in range(4)]

    assert answers == [302, 302, 302, 429]
    assert Subscriber.objects.count() == 3


def test_a_mail_server_failure_is_explained_and_can_be_retried(subscribe, settings):
    settings.EMAIL_BACKEND = "tests.newsletter.backends.BrokenBackend"

    response = subscribe("lena@example.org")

    assert response.status_code == 503
    assert "Bestätigungs-E-Mail gerade nicht senden" in response.content.decode()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert subscribe("lena@example.org").status_code == 302
    assert Subscriber.objects.count() == 1
    assert len(mail.outbox) == 1
