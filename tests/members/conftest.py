import pytest
from cms.models import Page
from django.utils import translation

from members.models import Organization


@pytest.fixture
def directory_url():
    """The Clusteratlas page's URL in a language (German by default)."""

    def url(language="de"):
        return Page.objects.get(reverse_id="clusteratlas").get_absolute_url(language)

    return url


@pytest.fixture
def detail_url(client, directory_url):
    def url(organization, language="de"):
        client.get(directory_url(language))  # loads the apphooks' URLs
        with translation.override(language):
            return organization.get_absolute_url()

    return url


@pytest.fixture
def only_organizations():
    """Start from an empty directory (the demo content fills it)."""
    Organization.objects.all().delete()
