from io import StringIO

import pytest
from cms.models import CMSPlugin, Page, PageContent, PageUrl, Placeholder
from django.contrib.auth import get_user_model
from django.core.management import call_command
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from tests.portal.test_pages import DEMO_PAGES

pytestmark = pytest.mark.django_db

COUNTED_MODELS = (
    Page,
    PageUrl,
    Placeholder,
    CMSPlugin,
    Version,
    get_user_model(),
)


def counts():
    result = {model.__name__: model.objects.count() for model in COUNTED_MODELS}
    result["PageContent"] = PageContent.admin_manager.count()
    return result


def load_demo_content():
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


def test_running_it_twice_changes_nothing():
    before = counts()

    output = load_demo_content()

    assert counts() == before
    assert "Pages: 0 created" in output
    assert before["Page"] == len(DEMO_PAGES)


def test_every_page_is_published_in_both_languages():
    for page in Page.objects.all():
        states = {
            content.language: Version.objects.get_for_content(content).state
            for content in PageContent.admin_manager.filter(page=page)
        }
        assert states == {"de": PUBLISHED, "en": PUBLISHED}, page


def test_it_rebuilds_a_deleted_page_and_leaves_the_others(client):
    Page.objects.get(reverse_id="privacy").delete()
    assert client.get("/de/datenschutz/").status_code == 404

    output = load_demo_content()

    assert "Pages: 1 created" in output
    assert client.get("/de/datenschutz/").status_code == 200
    assert client.get("/en/privacy-policy/").status_code == 200


def test_demo_accounts_exist_only_with_debug_on(settings):
    User = get_user_model()
    settings.DEBUG = False
    load_demo_content()
    assert not User.objects.filter(username__in=["admin", "member"]).exists()

    settings.DEBUG = True
    load_demo_content()

    admin = User.objects.get(username="admin")
    member = User.objects.get(username="member")
    assert admin.is_superuser and admin.check_password("admin")
    assert not member.is_staff and member.check_password("member")
