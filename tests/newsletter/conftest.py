import re

import pytest
from django.urls import reverse
from django.utils import translation


def url(name, language="de", **kwargs):
    """The URL of a view of the app in the given language."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def links_in(text):
    """The site's links in a mail, in order."""
    return re.findall(r"https?://[^\s<>\"]+", text)


def path_of(link):
    return re.sub(r"^https?://[^/]+", "", link)


@pytest.fixture
def subscribe(client):
    """Fill in and send the subscription form as a visitor does."""

    def submit(email, language="de", page_language="de", consent=True, **extra):
        data = {"email": email, "language": language, **extra}
        if consent:
            data["consent"] = "on"
        return client.post(url("newsletter:subscribe", page_language), data)

    return submit
