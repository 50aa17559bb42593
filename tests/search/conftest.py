import pytest
from django.core.cache import cache


@pytest.fixture
def find(client):
    """The titles a search finds, best first: find("Recycling", "de")."""

    def titles(query, language="de", **params):
        response = client.get(search_url(language), {"q": query, **params})
        assert response.status_code == 200
        cache.clear()
        outcome = response.context["outcome"]
        if outcome is None or outcome.page is None:
            return []
        return [entry.title for entry in outcome.page.object_list]

    return titles


def search_url(language):
    return "/de/suche/" if language == "de" else "/en/search/"
