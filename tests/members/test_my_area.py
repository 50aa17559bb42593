import re

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import EventDocument
from tests.events.ckreihe import PASSWORD, make_member
from tests.events.factories import EventDocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(django_user_model):
    user = make_member(django_user_model)
    user.email = "mitglied@example.org"
    user.save()
    return user


def url(name, language="de", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def test_my_area_needs_a_login_and_returns_there(client):
    response = client.get(url("my-area"))
    assert response.status_code == 302
    assert response["Location"] == f"{url('login')}?next={url('my-area')}"


def test_my_area_shows_the_organisation_and_members_only_documents(client, member):
    organization = member.member_account.organization
    EventDocumentFactory(
        number=8801,
        title_de="Internes Protokoll",
        visibility=EventDocument.Visibility.MEMBERS,
    )
    EventDocumentFactory(number=8802, title_de="Öffentlicher Band")
    client.force_login(member)
    response = client.get(url("my-area"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Mein Bereich</h1>" in html
    assert organization.name in html
    assert url("members:organization-edit", slug=organization.slug) in html
    assert "Internes Protokoll" in html
    assert "Öffentlicher Band" not in html
    assert f'action="{url("logout")}"' in html
    assert "no-cache" in response["Cache-Control"]


def test_my_area_in_english(client, member):
    client.force_login(member)
    html = client.get(url("my-area", "en")).content.decode()
    assert "<h1>My area</h1>" in html


def test_a_user_without_member_account_sees_no_members_documents(
    client, django_user_model
):
    EventDocumentFactory(
        number=8803,
        title_de="Internes Protokoll",
        visibility=EventDocument.Visibility.MEMBERS,
    )
    client.force_login(django_user_model.objects.create_user("gast", password=PASSWORD))
    html = client.get(url("my-area")).content.decode()
    assert "Internes Protokoll" not in html
    assert "nicht mit einer Mitgliedsorganisation verknüpft" in html


def test_login_returns_to_the_page_the_member_came_from(client, member):
    document = EventDocumentFactory(
        number=8804, visibility=EventDocument.Visibility.MEMBERS
    )
    with translation.override("de"):
        target = document.get_absolute_url()
    response = client.post(
        url("login"),
        {"username": member.username, "password": PASSWORD, "next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == target


def test_the_login_page_in_both_languages(client):
    assert "Anmelden" in client.get(url("login")).content.decode()
    assert "Log in" in client.get(url("login", "en")).content.decode()


def test_logout_by_post(client, member):
    client.force_login(member)
    response = client.post(url("logout"))
    assert response.status_code == 302
    assert client.get(url("my-area")).status_code == 302


def test_password_reset_by_email(client, member, mailoutbox):
    response = client.post(url("password_reset"), {"email": member.email})
    assert response.status_code == 302
    assert response["Location"] == url("password_reset_done")
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    link = re.search(r"https?://[^/]+(/\S+)", body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert "Neues Passwort wählen" in response.content.decode()
    response = client.post(
        response.redirect_chain[-1][0] if response.redirect_chain else link,
        {
            "new_password1": "ein-neues-langes-Passwort-7",
            "new_password2": "ein-neues-langes-Passwort-7",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("ein-neues-langes-Passwort-7")


def test_password_reset_with_a_bad_token_says_so(client):
    response = client.get(url("password_reset_confirm", uidb64="MQ", token="falsch"))
    assert response.status_code == 200
    assert "ungültig" in response.content.decode()


def test_password_change(client, member):
    client.force_login(member)
    response = client.post(
        url("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "noch-ein-langes-Passwort-9",
            "new_password2": "noch-ein-langes-Passwort-9",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("noch-ein-langes-Passwort-9")
