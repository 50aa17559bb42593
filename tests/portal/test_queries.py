import pytest
from cms.api import create_page, create_page_content
from cms.models import Page, PageContent
from django.contrib.auth import get_user_model
from djangocms_versioning.models import Version

from tests.queries import cold_query_count

pytestmark = pytest.mark.django_db

PAGES = ["/de/", "/en/", "/de/handlungsfelder/innovation/", "/en/the-cluster/"]


def add_fields_of_action(count):
    """More subpages under Handlungsfelder: more menu entries and home cards."""
    editor = get_user_model().objects.get(username="demo-content")
    parent = Page.objects.get(reverse_id="fields-of-action")
    for number in range(count):
        page = create_page(
            f"Feld {number}",
            "pages/content.html",
            "de",
            parent=parent,
            in_navigation=True,
            created_by=editor,
        )
        create_page_content(
            "en",
            f"Field {number}",
            page,
            template="pages/content.html",
            in_navigation=True,
            created_by=editor,
        )
        for content in PageContent.admin_manager.filter(page=page):
            Version.objects.get_for_content(content).publish(editor)


@pytest.mark.parametrize("url", PAGES)
def test_a_warm_page_costs_at_most_two_queries(
    client, url, django_assert_max_num_queries
):
    client.get(url)

    with django_assert_max_num_queries(2):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", PAGES)
def test_a_cold_page_costs_the_same_however_large_the_tree(
    client, url, django_assert_max_num_queries
):
    before = cold_query_count(client, url, django_assert_max_num_queries)
    add_fields_of_action(12)

    after = cold_query_count(client, url, django_assert_max_num_queries)

    assert before <= 30
    assert after == before
