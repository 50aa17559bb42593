"""The editors' translation view: what is written in one language only, per
kind of content, and the CMS pages whose English version lags behind."""

import datetime
from html.parser import HTMLParser

import pytest
from cms.api import create_page
from cms.models import PageContent
from django.contrib.auth import get_user_model
from django.urls import reverse
from djangocms_versioning.models import Version

from members.models import MemberAccount, Organization
from tests.events.factories import EventDocumentFactory, EventFactory
from tests.members.factories import OrganizationFactory
from tests.newsletter.factories import IssueFactory, NewsItemFactory

pytestmark = pytest.mark.django_db

URL = "/de/admin/cluster_portal/translationstatus/"

# What load_demo_content leaves untranslated on purpose.
DEMO_GERMAN_ONLY = {
    "pages": [],
    "organisations": ["Beispiel Compoundierwerk Zeitz GmbH"],
    "events": ["Werkstattgespräch: Rezyklate im Spritzguss"],
    "documents": [],
    "news": ["Neue Ausbildungswerkstatt für Verfahrensmechaniker in Zeitz"],
    "cknews": [],
}


class StatusPage(HTMLParser):
    """The lists of the translation view: per list id, the linked names and
    where they link to; and the counts of the summary table."""

    def __init__(self, html):
        super().__init__()
        self.lists = {}
        self.links = {}
        self.counts = {}
        self._list = self._row = self._link = None
        self._cells = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h3" and attrs.get("id", "").endswith("-only-heading"):
            self.lists[attrs["id"].removesuffix("-heading")] = []
        elif tag == "ul" and attrs.get("id", "").endswith("-only"):
            self._list = self.lists[attrs["id"]]
        elif tag == "tr" and attrs.get("id", "").startswith("summary-"):
            self._row, self._cells = attrs["id"].removeprefix("summary-"), []
        elif tag == "td" and self._row:
            self._cells.append("")
        elif tag == "a" and self._list is not None:
            self._link = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "ul":
            self._list = None
        elif tag == "tr" and self._row:
            self.counts[self._row] = [int(cell) for cell in self._cells]
            self._row = None
        elif tag == "a":
            self._link = None

    def handle_data(self, data):
        if self._row and self._cells:
            self._cells[-1] += data.strip()
        if self._link and data.strip():
            self._list.append(data.strip())
            self.links[data.strip()] = self._link


def status(client):
    response = client.get(URL)
    assert response.status_code == 200
    return StatusPage(response.content.decode())


def german_only(page):
    return {
        key.removesuffix("-german-only"): names
        for key, names in page.lists.items()
        if key.endswith("-german-only")
    }


def english_only(page):
    return {
        key.removesuffix("-english-only"): names
        for key, names in page.lists.items()
        if key.endswith("-english-only")
    }


def test_it_lists_exactly_the_untranslated_demo_entries(admin_client):
    page = status(admin_client)

    assert german_only(page) == DEMO_GERMAN_ONLY
    assert all(names == [] for names in english_only(page).values())
    assert page.counts == {
        "pages": [0, 0],
        "organisations": [1, 0],
        "events": [1, 0],
        "documents": [0, 0],
        "news": [1, 0],
        "cknews": [0, 0],
        "outdated": [1],
    }


def test_it_links_each_entry_to_its_edit_page(admin_client):
    organization = Organization.objects.get(name=DEMO_GERMAN_ONLY["organisations"][0])

    page = status(admin_client)

    assert page.links[organization.name] == reverse(
        "admin:members_organization_change", args=[organization.pk]
    )
    assert admin_client.get(page.links[organization.name]).status_code == 200


def test_it_names_the_demo_page_whose_english_version_is_older(admin_client):
    response = admin_client.get(URL)
    html = response.content.decode()
    outdated = html.split('id="outdated-heading"')[1]
    english = PageContent.admin_manager.get(
        page__reverse_id="strategy", language="en", versions__state="published"
    )

    assert "Strategiebildung" in outdated
    assert 'href="/en/admin/cms/placeholder/object/' in outdated
    assert f"/edit/{english.pk}/" in outdated
    # No other page: the demo saved both languages of the others together.
    assert outdated.count("<tr>") == 2  # the header row and the one page


def test_an_english_version_changed_after_the_german_is_not_outdated(admin_client):
    english = Version.objects.get_for_content(
        PageContent.admin_manager.get(
            page__reverse_id="strategy", language="en", versions__state="published"
        )
    )
    Version.objects.filter(pk=english.pk).update(
        modified=english.modified + datetime.timedelta(days=60)
    )

    assert status(admin_client).counts["outdated"] == [0]


def test_a_new_entry_in_one_language_appears_under_its_kind(admin_client):
    admin = get_user_model().objects.get(username="admin")
    create_page("Nur deutsch", "pages/content.html", "de", created_by=admin)
    create_page("English only", "pages/content.html", "en", created_by=admin)
    OrganizationFactory(name="Only English GmbH", description_de="")
    document = EventDocumentFactory(title_de="Nur Tagungsband", title_en="")
    issue = IssueFactory(theme_de="Nur ein Thema", theme_en="")

    page = status(admin_client)

    assert german_only(page)["pages"] == ["Nur deutsch"]
    assert english_only(page)["pages"] == ["English only"]
    assert english_only(page)["organisations"] == ["Only English GmbH"]
    assert german_only(page)["documents"] == [
        f"CKreihe Nr. {document.number}: Nur Tagungsband"
    ]
    assert german_only(page)["cknews"] == [f"CKnews {issue.number}: Nur ein Thema"]


def test_its_query_count_does_not_grow_with_the_entries(
    admin_client, django_assert_max_num_queries
):
    admin_client.get(URL)
    with django_assert_max_num_queries(100) as before:
        admin_client.get(URL)
    admin = get_user_model().objects.get(username="admin")
    for number in range(3):
        create_page(f"Seite {number}", "pages/content.html", "de", created_by=admin)
        OrganizationFactory(description_en="")
        EventFactory(title_en="")
        EventDocumentFactory(title_en="")
        NewsItemFactory(title_de=f"Meldung {number}", title_en="")

    with django_assert_max_num_queries(len(before)):
        page = status(admin_client)

    assert page.counts["organisations"] == [4, 0]


def test_the_admin_index_links_it(admin_client):
    response = admin_client.get("/de/admin/")

    assert f'href="{URL}"' in response.content.decode()


def test_a_visitor_is_sent_to_the_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/de/admin/login/")


def test_a_member_may_not_see_it(client):
    user = get_user_model().objects.create_user("mitglied", password="pw")
    MemberAccount.objects.create(
        user=user, organization=Organization.objects.filter(is_member=True).first()
    )
    client.force_login(user)

    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/de/admin/login/")


def test_a_staff_editor_without_other_rights_sees_it(client):
    editor = get_user_model().objects.create_user(
        "redaktion", password="pw", is_staff=True
    )
    client.force_login(editor)

    assert german_only(status(client)) == DEMO_GERMAN_ONLY
