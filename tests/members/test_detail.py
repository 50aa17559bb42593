import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Session, SessionSpeaker
from tests.events.factories import EventFactory
from tests.members.factories import OrganizationFactory, PersonFactory, SectorFactory
from tests.queries import cold_query_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization():
    organization = OrganizationFactory(
        name="Alpha Chemie GmbH",
        street="Am Werk 1",
        postcode="06237",
        city="Leuna",
        federal_state="sachsen-anhalt",
        website="https://alpha.example.org",
        email="info@alpha.example.org",
        phone="+49 3461 000000",
        is_member=True,
        description_de="Wir stellen Spezialchemikalien her.",
        description_en="We make speciality chemicals.",
        sectors=[SectorFactory(name_de="Chemie X", name_en="Chemistry X")],
    )
    PersonFactory(
        organization=organization,
        academic_title="Dr.",
        first_name="Erika",
        last_name="Beispiel",
        position_de="Geschäftsführerin",
        position_en="Managing Director",
    )
    return organization


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "de",
            [
                "Wir stellen Spezialchemikalien her.",
                "Chemie X",
                "Geschäftsführerin",
                "Clustermitglied",
                "Sachsen-Anhalt",
            ],
        ),
        (
            "en",
            [
                "We make speciality chemicals.",
                "Chemistry X",
                "Managing Director",
                "Cluster member",
                "Saxony-Anhalt",
            ],
        ),
    ],
)
def test_detail_page_shows_the_organization(
    client, detail_url, organization, language, texts
):
    response = client.get(detail_url(organization, language))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Alpha Chemie GmbH</h1>" in html
    assert html.count("<h1") == 1
    assert "Am Werk 1" in html and "06237 Leuna" in html
    assert 'href="https://alpha.example.org"' in html
    assert "Dr. Erika Beispiel" in html
    for text in texts:
        assert text in html


def test_switcher_links_to_the_same_organization_in_english(
    client, detail_url, organization
):
    html = client.get(detail_url(organization, "de")).content.decode()

    assert f'<a href="{detail_url(organization, "en")}" hreflang="en"' in html


def test_unknown_or_unpublished_organization_is_404(client, detail_url, organization):
    url = detail_url(organization)
    organization.is_published = False
    organization.save()

    assert client.get(url).status_code == 404
    assert client.get(url.replace("alpha-chemie", "gibt-es-nicht")).status_code == 404


def test_detail_costs_the_same_queries_with_many_people(
    client, detail_url, organization, django_assert_max_num_queries
):
    url = detail_url(organization)
    few = cold_query_count(client, url, django_assert_max_num_queries)

    PersonFactory.create_batch(30, organization=organization)
    organization.sectors.add(*SectorFactory.create_batch(10))
    many = cold_query_count(client, url, django_assert_max_num_queries)

    assert few == many


def past_event(**kwargs):
    start = timezone.now().replace(microsecond=0) - datetime.timedelta(days=40)
    return EventFactory(start=start, end=start + datetime.timedelta(hours=4), **kwargs)


def speak_at(event, person):
    session = Session.objects.create(
        event=event, start=event.start, title_de="Vortrag", title_en="Talk"
    )
    SessionSpeaker.objects.create(session=session, person=person)


def test_the_page_lists_past_events_the_organisation_organised_or_spoke_at(
    client, detail_url, organization
):
    organised = past_event(organizer=organization, title_de="Selbst ausgerichtet")
    spoken = past_event(title_de="Mit Vortrag")
    speak_at(spoken, organization.people.get())
    past_event(title_de="Ohne Beteiligung")
    speak_at(past_event(title_de="Fremder Vortrag"), PersonFactory())

    html = client.get(detail_url(organization)).content.decode()

    section = html[html.index('id="past-events-heading"') :]
    assert "Vergangene Termine" in section
    assert organised.title in section and spoken.title in section
    assert "Ohne Beteiligung" not in html and "Fremder Vortrag" not in html


def test_an_organisation_without_past_events_shows_no_such_section(
    client, detail_url, organization
):
    html = client.get(detail_url(organization, "en")).content.decode()

    assert "past-events-heading" not in html


def test_the_page_carries_its_organization_node_with_a_stable_id(
    client, detail_url, organization
):
    html = client.get(detail_url(organization, "en")).content.decode()

    [text] = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    data = json.loads(text)
    assert data["@type"] == "Organization"
    assert data["@id"] == "http://testserver" + detail_url(organization, "en") + (
        "#organization"
    )
    assert data["name"] == "Alpha Chemie GmbH"


def test_past_events_cost_the_same_queries_however_many(
    client, detail_url, organization, django_assert_max_num_queries
):
    person = organization.people.get()
    for _ in range(2):
        speak_at(past_event(organizer=OrganizationFactory()), person)
    url = detail_url(organization)
    few = cold_query_count(client, url, django_assert_max_num_queries)

    for _ in range(15):
        speak_at(past_event(organizer=organization), person)
    many = cold_query_count(client, url, django_assert_max_num_queries)

    assert few == many


def test_a_first_visit_reuses_the_menu_and_breadcrumbs_of_another_organisation(
    client, detail_url, organization
):
    client.get(detail_url(OrganizationFactory()))

    with CaptureQueriesContext(connection) as queries:
        html = client.get(detail_url(organization)).content.decode()

    assert not any("menus_cachekey" in query["sql"] for query in queries)
    breadcrumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S)[0]
    assert "/clusteratlas/" in breadcrumbs
    assert '<span aria-current="page">Alpha Chemie GmbH</span>' in breadcrumbs
    menu = re.search(r'<nav class="main-nav".*?</nav>', html, re.S)[0]
    assert "is-ancestor" in menu
