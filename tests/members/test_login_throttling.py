"""Failed logins lock a user name and a client address for a while
(django-axes), on the site login and the admin login; password-reset
requests are limited per address and per client."""

import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.events.ckreihe import PASSWORD, make_member

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
LOCK_MESSAGE_DE = "Bitte versuchen Sie es in 15 Minuten noch einmal."
LOCK_MESSAGE_EN = "Please try again in 15 minutes."


def url(name, language="de"):
    with translation.override(language):
        return reverse(name)


def log_in(client, username, password, address=ATTACKER, language="de", **headers):
    return client.post(
        url("login", language),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def is_logged_in(client):
    return "_auth_user_id" in client.session


def guess(client, username, times, address=ATTACKER):
    for attempt in range(times):
        log_in(client, username, f"falsch-{attempt}", address)


@pytest.fixture(autouse=True)
def quick_hashes(settings):
    """Hundreds of logins: a fast hasher keeps the module quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def member(django_user_model):
    return make_member(django_user_model)


def test_thirty_wrong_passwords_lock_the_account_even_for_the_right_one(client, member):
    answers = [
        log_in(client, member.username, f"falsch-{n}").status_code for n in range(30)
    ]
    assert answers[:9] == [200] * 9
    assert set(answers[10:]) == {429}

    response = log_in(client, member.username, PASSWORD)

    assert response.status_code == 429
    assert not is_logged_in(client)
    page = response.content.decode()
    assert LOCK_MESSAGE_DE in page
    assert '<header class="site-header">' in page
    assert "Retry-After" in response
    assert "no-store" in response["Cache-Control"]


def test_the_lock_page_is_never_cached_for_others(client, member, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    guess(client, member.username, 10)
    assert log_in(client, member.username, PASSWORD).status_code == 429

    for path in (url("login"), "/de/"):
        page = Client().get(path, REMOTE_ADDR="192.0.2.10")
        assert page.status_code == 200
        assert "Zu viele Fehlversuche" not in page.content.decode()


def test_the_lock_page_speaks_the_visitors_language(client, member):
    guess(client, member.username, 10)
    response = log_in(client, member.username, PASSWORD, language="en")
    assert response.status_code == 429
    assert LOCK_MESSAGE_EN in response.content.decode()


def test_the_lock_reads_the_same_for_an_unknown_user_name(client, member):
    guess(client, member.username, 10)
    guess(client, "niemand-hier", 10, address="198.51.100.7")

    known = log_in(client, member.username, "falsch")
    unknown = log_in(client, "niemand-hier", "falsch", address="198.51.100.7")

    assert known.status_code == unknown.status_code == 429
    assert known.content == unknown.content


def test_before_the_lock_known_and_unknown_users_get_the_same_error(client, member):
    known = log_in(client, member.username, "falsch").content.decode()
    unknown = log_in(client, "niemand-hier", "falsch").content.decode()
    message = "Benutzername und Passwort passen nicht zusammen"
    assert message in known
    assert message in unknown


def test_another_account_from_another_address_still_logs_in(
    client, member, django_user_model
):
    guess(client, member.username, 30)
    other = django_user_model.objects.create_user("kollegin", password=PASSWORD)

    response = log_in(client, other.username, PASSWORD, address="192.0.2.10")

    assert response.status_code == 302
    assert is_logged_in(client)


def test_the_locked_address_is_refused_for_every_account(
    client, member, django_user_model
):
    for n in range(10):
        log_in(client, f"rate-{n}", "falsch")
    other = django_user_model.objects.create_user("kollegin", password=PASSWORD)

    response = log_in(client, other.username, PASSWORD)

    assert response.status_code == 429
    assert not is_logged_in(client)


def test_the_lock_lifts_itself_after_the_cool_off(client, member, settings):
    settings.AXES_COOLOFF_TIME = timedelta(seconds=1)
    guess(client, member.username, 10)
    assert log_in(client, member.username, PASSWORD).status_code == 429

    time.sleep(1.2)
    response = log_in(client, member.username, PASSWORD)

    assert response.status_code == 302
    assert is_logged_in(client)


def test_the_admin_login_is_throttled_too(client, django_user_model):
    django_user_model.objects.create_superuser("chefin", "c@example.org", PASSWORD)
    admin_login = url("admin:login")
    for n in range(10):
        client.post(
            admin_login,
            {"username": "chefin", "password": f"falsch-{n}"},
            REMOTE_ADDR=ATTACKER,
        )

    response = client.post(
        admin_login, {"username": "chefin", "password": PASSWORD}, REMOTE_ADDR=ATTACKER
    )

    assert response.status_code == 429
    assert LOCK_MESSAGE_DE in response.content.decode()
    assert not is_logged_in(client)


def test_staff_lift_a_lock_in_the_admin(client, admin_client, member):
    guess(client, member.username, 10)
    assert log_in(client, member.username, PASSWORD).status_code == 429
    changelist = url("admin:axes_accessattempt_changelist")
    assert member.username in admin_client.get(changelist).content.decode()

    attempts = AccessAttempt.objects.filter(username=member.username)
    response = admin_client.post(
        changelist,
        {
            "action": "delete_selected",
            "_selected_action": [attempt.pk for attempt in attempts],
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert log_in(client, member.username, PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_x_forwarded_for_is_ignored_by_default(client, member, django_user_model):
    for n in range(10):
        log_in(client, f"rate-{n}", "falsch", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    other = django_user_model.objects.create_user("kollegin", password=PASSWORD)

    response = log_in(
        client, other.username, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200"
    )

    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


def test_x_forwarded_for_names_the_client_behind_trusted_proxies(
    client, settings, django_user_model
):
    settings.TRUSTED_PROXIES = 1
    proxy = "10.0.0.1"
    for n in range(10):
        log_in(client, f"rate-{n}", "falsch", proxy, HTTP_X_FORWARDED_FOR=ATTACKER)
    other = django_user_model.objects.create_user("kollegin", password=PASSWORD)

    locked = log_in(
        client, other.username, PASSWORD, proxy, HTTP_X_FORWARDED_FOR=ATTACKER
    )
    # What the client itself claims, left of the proxy's entry, is not trusted.
    spoofed = log_in(
        client,
        other.username,
        PASSWORD,
        proxy,
        HTTP_X_FORWARDED_FOR=f"192.0.2.200, {ATTACKER}",
    )
    elsewhere = log_in(
        client, other.username, PASSWORD, proxy, HTTP_X_FORWARDED_FOR="192.0.2.10"
    )

    assert locked.status_code == 429
    assert spoofed.status_code == 429
    assert elsewhere.status_code == 302
    assert AccessAttempt.objects.filter(ip_address=ATTACKER).exists()


# --- Password reset ---------------------------------------------------------


def ask_for_reset(client, email, address=ATTACKER):
    return client.post(url("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_a_reset_flood_for_one_address_sends_only_a_few_mails(
    client, member, mailoutbox
):
    member.email = "mitglied@example.org"
    member.save()

    answers = {
        (response.status_code, response["Location"])
        for response in (
            ask_for_reset(client, member.email, f"198.51.100.{n}") for n in range(30)
        )
    }

    assert answers == {(302, url("password_reset_done"))}
    assert len(mailoutbox) == 3


def test_a_reset_flood_from_one_client_sends_only_a_few_mails(
    client, django_user_model, mailoutbox
):
    for n in range(30):
        django_user_model.objects.create_user(
            f"nutzer-{n}", f"nutzer-{n}@example.org", PASSWORD
        )

    answers = {
        ask_for_reset(client, f"nutzer-{n}@example.org").status_code for n in range(30)
    }

    assert answers == {302}
    assert len(mailoutbox) == 20


def test_reset_limits_count_unknown_addresses_alike(client, member, mailoutbox):
    member.email = "mitglied@example.org"
    member.save()
    for _ in range(3):
        ask_for_reset(client, "unbekannt@example.org")

    unknown = ask_for_reset(client, "unbekannt@example.org")
    known = ask_for_reset(client, member.email)

    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert len(mailoutbox) == 1
