import pytest
from cms.models import Page, PageContent
from cms.toolbar.utils import get_object_edit_url
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

pytestmark = pytest.mark.django_db

TOOLBAR_MARKUP = 'class="cms-toolbar'


def published_content(reverse_id, language):
    return PageContent.objects.get(
        page=Page.objects.get(reverse_id=reverse_id), language=language
    )


@pytest.mark.parametrize("query", ["", "?toolbar_on", "?edit", "?structure"])
def test_visitors_never_see_the_toolbar(client, query):
    response = client.get(f"/de/{query}")

    assert response.status_code == 200
    assert TOOLBAR_MARKUP not in response.content.decode()
    assert "cms.toolbar" not in response.content.decode()


def test_staff_see_the_toolbar_on_a_published_page(admin_client):
    response = admin_client.get("/de/das-cluster/")

    assert response.status_code == 200
    assert TOOLBAR_MARKUP in response.content.decode()


def test_staff_open_a_draft_of_a_page_in_edit_mode(admin_client, admin_user):
    published = published_content("cluster", "de")
    draft = Version.objects.get_for_content(published).copy(admin_user).content
    assert draft.versions.get().state == DRAFT

    response = admin_client.get(get_object_edit_url(draft, "de"))

    assert response.status_code == 200
    html = response.content.decode()
    assert TOOLBAR_MARKUP in html
    assert "cms-placeholder" in html
    assert "Mitteldeutschland wird wieder ein Kompetenzzentrum" in html


def test_visitors_only_see_the_published_version(client, admin_user):
    from cms.api import add_plugin

    published = published_content("cluster", "de")
    draft = Version.objects.get_for_content(published).copy(admin_user).content
    placeholder = draft.get_placeholders().get(slot="content")
    add_plugin(placeholder, "TextPlugin", "de", body="<p>Noch nicht freigegeben</p>")

    html = client.get("/de/das-cluster/").content.decode()

    assert "Noch nicht freigegeben" not in html
    assert "Mitteldeutschland wird wieder ein Kompetenzzentrum" in html
