import pytest

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
