"""Signed links in the subscription mails: confirm and unsubscribe.

A token names the subscriber and a fingerprint of their address, signed with
the site's secret key; nothing is stored. A confirmation token also names the
subscription request it answers, so a newer request retires older links, and
it expires (``NEWSLETTER_CONFIRMATION_MAX_AGE``). Unsubscribe links live as
long as the mails that carry them (``NEWSLETTER_UNSUBSCRIBE_MAX_AGE``, by
default forever): leaving must always be possible.
"""

import hashlib

from django.conf import settings
from django.core import signing

from .models import Subscriber

CONFIRM_SALT = "newsletter.subscriber.confirm"
UNSUBSCRIBE_SALT = "newsletter.subscriber.unsubscribe"


class InvalidToken(Exception):
    """The link was not made by this site, was changed, or is outdated."""


class ExpiredToken(InvalidToken):
    """The link was genuine but is too old."""


def _fingerprint(subscriber):
    # The address itself stays out of the URL (and out of server logs).
    return hashlib.sha256(subscriber.email.lower().encode()).hexdigest()[:16]


def _request_stamp(subscriber):
    # Microseconds, as the database stores them: two requests within one
    # second still get different links.
    moment = subscriber.subscribed_at
    return int(moment.timestamp()) * 1_000_000 + moment.microsecond


def make_confirmation_token(subscriber):
    payload = {
        "s": subscriber.pk,
        "e": _fingerprint(subscriber),
        "r": _request_stamp(subscriber),
    }
    return signing.dumps(payload, salt=CONFIRM_SALT)


def make_unsubscribe_token(subscriber):
    payload = {"s": subscriber.pk, "e": _fingerprint(subscriber)}
    return signing.dumps(payload, salt=UNSUBSCRIBE_SALT)


def _load(token, salt, max_age):
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not isinstance(payload, dict):
        raise InvalidToken
    subscriber = Subscriber.objects.filter(pk=payload.get("s")).first()
    if subscriber is None or payload.get("e") != _fingerprint(subscriber):
        raise InvalidToken
    return subscriber, payload


def read_confirmation_token(token):
    """The subscriber a confirmation link belongs to.

    Raises ExpiredToken or InvalidToken; a link superseded by a newer
    subscription request is invalid, unless the subscription it asked for is
    already confirmed (a second click then just says so).
    """
    subscriber, payload = _load(
        token, CONFIRM_SALT, settings.NEWSLETTER_CONFIRMATION_MAX_AGE
    )
    if payload.get("r") != _request_stamp(subscriber):
        raise InvalidToken
    return subscriber


def read_unsubscribe_token(token):
    """The subscriber an unsubscribe link belongs to; raises InvalidToken."""
    subscriber, _payload = _load(
        token, UNSUBSCRIBE_SALT, settings.NEWSLETTER_UNSUBSCRIBE_MAX_AGE
    )
    return subscriber
