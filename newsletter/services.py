"""Work that spans models, mail and the cache: subscribing, confirming,
unsubscribing, rate limits, and sending a CKnews issue."""

import logging
import smtplib
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from cluster_portal.throttle import rate_limit_exceeded

from .models import Delivery, Issue, Subscriber
from .tokens import make_confirmation_token, make_unsubscribe_token

logger = logging.getLogger(__name__)

# --- Links in mails --------------------------------------------------------


def absolute_url(path):
    """The path as a full URL on the site's public host."""
    scheme = "http" if settings.DEBUG else "https"
    return f"{scheme}://{Site.objects.get_current().domain}{path}"


def confirmation_url(subscriber):
    token = make_confirmation_token(subscriber)
    return absolute_url(reverse("newsletter:confirm", kwargs={"token": token}))


def unsubscribe_url(subscriber):
    token = make_unsubscribe_token(subscriber)
    return absolute_url(reverse("newsletter:unsubscribe", kwargs={"token": token}))


# --- Rate limits -----------------------------------------------------------


def subscription_rate_limited(email, ip_address):
    """Count a subscription attempt against both the address and the client."""
    period = settings.NEWSLETTER_RATE_LIMIT_PERIOD
    by_address = rate_limit_exceeded(
        "email", email, settings.NEWSLETTER_RATE_LIMIT_PER_EMAIL, period
    )
    by_client = rate_limit_exceeded(
        "ip", ip_address, settings.NEWSLETTER_RATE_LIMIT_PER_IP, period
    )
    return by_address or by_client


# --- Subscribing -----------------------------------------------------------


def request_subscription(email, language, consent_version, consent_language):
    """Ask ``email`` to confirm a subscription, whatever its current state.

    A new, pending or unsubscribed address becomes pending with the consent
    just given and receives a confirmation link; a confirmed address is left
    as it is and receives a note that it is already subscribed. Either way
    the visitor sees the same answer. Mail errors propagate (after the record
    is saved, so a second attempt simply sends again).
    """
    now = timezone.now()
    with transaction.atomic():
        subscriber = _lock_or_create(email, language, now)
        already_confirmed = subscriber.is_confirmed
        if not already_confirmed:
            subscriber.language = language
            subscriber.status = Subscriber.Status.PENDING
            subscriber.subscribed_at = now
            subscriber.confirmed_at = None
            subscriber.consent_version = consent_version
            subscriber.consent_language = consent_language
            subscriber.save()
    if already_confirmed:
        send_already_subscribed_mail(subscriber)
    else:
        send_confirmation_mail(subscriber)
    return subscriber


def _lock_or_create(email, language, now):
    subscriber = Subscriber.objects.select_for_update().with_email(email).first()
    if subscriber is not None:
        return subscriber
    try:
        with transaction.atomic():
            return Subscriber.objects.create(
                email=email.strip(), language=language, subscribed_at=now
            )
    except IntegrityError:
        # The same address arrived twice at once (a double submit).
        return Subscriber.objects.select_for_update().with_email(email).get()


def confirm_subscription(subscriber):
    """Confirm a pending subscription; True if this call confirmed it."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status != Subscriber.Status.PENDING:
            return False
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    return True


def unsubscribe(subscriber):
    """End a subscription at once; True if this call ended it."""
    updated = (
        Subscriber.objects.filter(pk=subscriber.pk)
        .exclude(status=Subscriber.Status.UNSUBSCRIBED)
        .update(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())
    )
    return bool(updated)


def _send_subscriber_mail(subscriber, template, context):
    with translation.override(subscriber.language):
        context = {"subscriber": subscriber, **context}
        subject = render_to_string(f"newsletter/email/{template}_subject.txt", context)
        body = render_to_string(f"newsletter/email/{template}.txt", context)
    EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[subscriber.email],
    ).send()


def send_confirmation_mail(subscriber):
    with translation.override(subscriber.language):
        url = confirmation_url(subscriber)
    max_age_days = settings.NEWSLETTER_CONFIRMATION_MAX_AGE // 86400
    _send_subscriber_mail(
        subscriber,
        "confirmation",
        {"confirmation_url": url, "max_age_days": max(max_age_days, 1)},
    )


def send_already_subscribed_mail(subscriber):
    with translation.override(subscriber.language):
        url = unsubscribe_url(subscriber)
    _send_subscriber_mail(subscriber, "already_subscribed", {"unsubscribe_url": url})


# --- Sending an issue ------------------------------------------------------

# Failures of the connection to the mail server, not of one recipient (all
# of smtplib's errors are OSErrors too): the send stops and is taken up again.
CONNECTION_ERRORS = (OSError,)
# Rendered once per language; each mail puts its own link in its place.
UNSUBSCRIBE_MARKER = "NEWSLETTER_UNSUBSCRIBE_URL_MARKER"


class IssueNotPublished(Exception):
    """Only a published issue goes to subscribers (a preview may go earlier)."""


@dataclass(frozen=True)
class SendProgress:
    """Where the sending of an issue stands."""

    subscribers: int  # confirmed subscribers now
    sent: int
    failed: int
    uncertain: int  # interrupted between handing over and the server's answer
    remaining: int  # confirmed subscribers not tried yet
    deferred: int = 0  # refused for now (4xx), tried again later

    @property
    def is_complete(self):
        return self.remaining == 0 and self.deferred == 0


@dataclass(frozen=True)
class BatchResult:
    tried: int = 0  # subscribers picked up, including any another send took
    sent: int = 0
    failed: int = 0
    last_pk: int = 0  # where the next batch starts


class IssueMail:
    """The mail of one issue, rendered once per language and then addressed
    to each subscriber with their own unsubscribe link."""

    def __init__(self, issue):
        self.issue = issue
        self._rendered = {}

    def _render(self, language):
        if language not in self._rendered:
            with translation.override(language):
                issue = Issue.objects.with_articles().get(pk=self.issue.pk)
                context = {
                    "issue": issue,
                    "articles": list(issue.articles.all()),
                    "issue_url": absolute_url(issue.get_absolute_url()),
                    "pdf_url": absolute_url(issue.pdf.url) if issue.pdf else "",
                    "cover_url": absolute_url(issue.cover.url) if issue.cover else "",
                    "unsubscribe_url": UNSUBSCRIBE_MARKER,
                    "site_url": absolute_url(reverse("pages-root")),
                }
                self._rendered[language] = (
                    " ".join(
                        render_to_string(
                            "newsletter/email/issue_subject.txt", context
                        ).split()
                    ),
                    render_to_string("newsletter/email/issue.txt", context),
                    render_to_string("newsletter/email/issue.html", context),
                )
        return self._rendered[language]

    def message(self, to, language, unsubscribe_link, connection=None, preview=False):
        subject, text, html = self._render(language)
        if preview:
            with translation.override(language):
                label = translation.gettext("Preview")
            subject = f"[{label}] {subject}"
        domain = Site.objects.get_current().domain.split(":")[0]
        message = EmailMultiAlternatives(
            subject=subject,
            body=text.replace(UNSUBSCRIBE_MARKER, unsubscribe_link),
            from_email=settings.NEWSLETTER_FROM_EMAIL,
            to=[to],
            connection=connection,
            headers={
                "List-Id": f"CKnews <cknews.{domain}>",
                "List-Unsubscribe": f"<{unsubscribe_link}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(
            html.replace(UNSUBSCRIBE_MARKER, unsubscribe_link), "text/html"
        )
        return message

    def message_for(self, subscriber, connection=None):
        language = subscriber.language
        with translation.override(language):
            link = unsubscribe_url(subscriber)
        return self.message(subscriber.email, language, link, connection)


def send_preview(issue, email, language):
    """Send the issue to one address as it will look; nothing is recorded."""
    with translation.override(language):
        # A preview's unsubscribe link leads to the page explaining that the
        # link is not valid: it belongs to no subscriber.
        link = absolute_url(reverse("newsletter:unsubscribe", args=["preview"]))
    IssueMail(issue).message(email, language, link, preview=True).send()


def _not_yet_tried(issue):
    tried = Delivery.objects.filter(issue=issue, subscriber=OuterRef("pk"))
    return Subscriber.objects.confirmed().filter(~Exists(tried))


def _due(issue, now):
    """Confirmed subscribers not tried yet or whose deferred delivery is due."""
    tried = Delivery.objects.filter(issue=issue, subscriber=OuterRef("pk"))
    due = tried.filter(status=Delivery.Status.DEFERRED, retry_at__lte=now)
    return Subscriber.objects.confirmed().filter(~Exists(tried) | Exists(due))


def send_progress(issue):
    counts = Delivery.objects.filter(issue=issue).aggregate(
        sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
        failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
        uncertain=Count("pk", filter=Q(status=Delivery.Status.SENDING)),
        deferred=Count("pk", filter=Q(status=Delivery.Status.DEFERRED)),
    )
    return SendProgress(
        subscribers=Subscriber.objects.confirmed().count(),
        remaining=_not_yet_tried(issue).count(),
        **counts,
    )


def next_retry_at(issue):
    """When the earliest deferred delivery of the issue is due, or None."""
    deferred = Delivery.objects.filter(issue=issue, status=Delivery.Status.DEFERRED)
    return deferred.order_by("retry_at").values_list("retry_at", flat=True).first()


def retry_delay(attempt):
    """Seconds to wait before attempt number ``attempt + 1``: doubling."""
    return settings.NEWSLETTER_RETRY_DELAY * 2 ** max(attempt - 1, 0)


def _claim(issue, subscriber, now):
    """Record the delivery before the message leaves: if another send of the
    same issue already has this subscriber, leave them to it. A deferred
    delivery that is due is taken over by exactly one send."""
    try:
        with transaction.atomic():
            return Delivery.objects.create(
                issue=issue, subscriber=subscriber, attempted_at=now
            )
    except IntegrityError:
        pass
    taken = Delivery.objects.filter(
        issue=issue,
        subscriber=subscriber,
        status=Delivery.Status.DEFERRED,
        retry_at__lte=now,
    ).update(
        status=Delivery.Status.SENDING,
        attempts=F("attempts") + 1,
        attempted_at=now,
        retry_at=None,
    )
    if not taken:
        return None
    return Delivery.objects.get(issue=issue, subscriber=subscriber)


def _refusal(error):
    """The SMTP code and text of a refusal of this one message, or None when
    the error is not one."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        # One recipient per message: its code decides.
        code, text = next(iter(error.recipients.values()))
        return code, text.decode(errors="replace") if isinstance(text, bytes) else text
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error
        return error.smtp_code, (
            text.decode(errors="replace") if isinstance(text, bytes) else str(text)
        )
    return None


def _record_refusal(delivery, code, text):
    """A 5xx refusal is final; a 4xx one is tried again later with backoff,
    until NEWSLETTER_SEND_MAX_ATTEMPTS attempts have been made."""
    delivery.error = f"{code} {text}".strip()
    if 400 <= code < 500 and delivery.attempts < settings.NEWSLETTER_SEND_MAX_ATTEMPTS:
        delivery.status = Delivery.Status.DEFERRED
        delivery.retry_at = timezone.now() + timedelta(
            seconds=retry_delay(delivery.attempts)
        )
    else:
        delivery.status = Delivery.Status.FAILED


def send_batch(issue, batch_size=None, mail=None, after=0):
    """Send the issue to the next confirmed subscribers who have not had it
    (or whose deferred delivery is due), over one connection to the mail
    server.

    Each delivery is recorded before its message is handed over and marked
    sent as soon as the server has accepted it. A refusal for one recipient
    is recorded: as failed when permanent (5xx), as deferred with a time for
    the next attempt when temporary (4xx). Any other error (the server went
    away) removes the record of the message in hand, which was not accepted,
    and propagates: the next call resumes with that subscriber and never
    repeats anyone. ``after`` skips subscribers up to that primary key, so a
    long send need not look past the ones it has done at every batch.
    """
    if not issue.is_published:
        raise IssueNotPublished(issue)
    batch_size = batch_size or settings.NEWSLETTER_SEND_BATCH_SIZE
    mail = mail or IssueMail(issue)
    now = timezone.now()
    recipients = list(_due(issue, now).filter(pk__gt=after).order_by("pk")[:batch_size])
    sent = failed = 0
    if not recipients:
        return BatchResult()
    with get_connection() as connection:
        for subscriber in recipients:
            delivery = _claim(issue, subscriber, now)
            if delivery is None:
                continue
            message = mail.message_for(subscriber, connection)
            try:
                accepted = message.send()
            except BaseException as error:
                refusal = _refusal(error)
                if refusal is None or isinstance(error, smtplib.SMTPConnectError):
                    _release(delivery)
                    raise
                accepted = 0
                _record_refusal(delivery, *refusal)
            else:
                if not accepted:
                    delivery.status = Delivery.Status.FAILED
                    delivery.error = "The mail server did not accept it."
            if accepted:
                delivery.status, delivery.sent_at = Delivery.Status.SENT, timezone.now()
                delivery.error = ""
                sent += 1
            elif delivery.status == Delivery.Status.FAILED:
                failed += 1
            if not accepted:
                logger.warning(
                    "CKnews %s to subscriber %s %s: %s",
                    issue.number,
                    subscriber.pk,
                    delivery.status,
                    delivery.error,
                )
            delivery.save(update_fields=["status", "sent_at", "error", "retry_at"])
    return BatchResult(
        tried=len(recipients), sent=sent, failed=failed, last_pk=recipients[-1].pk
    )


def _release(delivery):
    """Forget the attempt in hand, which the server did not accept: a first
    attempt disappears, a retried one is due again at once."""
    if delivery.attempts > 1:
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.DEFERRED,
            attempts=F("attempts") - 1,
            retry_at=timezone.now(),
        )
    else:
        delivery.delete()


def send_issue(issue, batch_size=None, on_batch=None, seconds=None):
    """Send the issue to every confirmed subscriber who has not had it yet,
    batch by batch; ``on_batch`` hears of each batch's result. With
    ``seconds``, stop after the batch that passes that time."""
    mail = IssueMail(issue)
    total = BatchResult()
    deadline = None if seconds is None else time.monotonic() + seconds
    while True:
        result = send_batch(
            issue, batch_size=batch_size, mail=mail, after=total.last_pk
        )
        if not result.tried:
            return total
        total = BatchResult(
            total.tried + result.tried,
            total.sent + result.sent,
            total.failed + result.failed,
            result.last_pk,
        )
        if on_batch:
            on_batch(result)
        if deadline is not None and time.monotonic() > deadline:
            return total


def retry_deliveries(issue, statuses):
    """Forget failed (or uncertain) deliveries so the next send tries again."""
    deleted, _ = Delivery.objects.filter(
        issue=issue, status__in=statuses, subscriber__isnull=False
    ).delete()
    return deleted
