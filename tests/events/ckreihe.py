"""Shared helpers of the CKreihe tests."""

from django.urls import reverse

from members.models import MemberAccount
from tests.members.factories import OrganizationFactory

PASSWORD = "a-long-password-for-tests"


def make_member(django_user_model, username="mitglied"):
    user = django_user_model.objects.create_user(username, password=PASSWORD)
    organization = OrganizationFactory(is_member=True)
    MemberAccount.objects.create(user=user, organization=organization)
    return user


def download_url(document):
    return reverse("ckreihe:document-download", kwargs={"number": document.number})


def read_body(response):
    return b"".join(response.streaming_content)
