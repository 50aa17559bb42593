import pytest
from django.db import connection

from members.models import Organization, Sector
from tests.members.factories import OrganizationFactory, SectorFactory
from tests.queries import cold_query_count

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("only_organizations")]


def names(response):
    """The names the list shows, in order (it reads only their keys)."""
    keys = [row.pk for row in response.context["object_list"]]
    organizations = Organization.objects.in_bulk(keys)
    return [organizations[key].name for key in keys]


@pytest.fixture
def chemistry():
    return SectorFactory(
        name_de="Chemie Test", name_en="Chemistry Test", slug="chem-test"
    )


@pytest.fixture
def plastics():
    return SectorFactory(
        name_de="Kunststoffe Test", name_en="Plastics Test", slug="plast-test"
    )


@pytest.fixture
def directory(chemistry, plastics):
    return {
        "leuna": OrganizationFactory(
            name="Alpha Chemie GmbH",
            city="Leuna",
            federal_state="sachsen-anhalt",
            is_member=True,
            sectors=[chemistry],
        ),
        "jena": OrganizationFactory(
            name="Beta Institut",
            kind=Organization.Kind.INSTITUTE,
            city="Jena",
            federal_state="thueringen",
            sectors=[chemistry, plastics],
            description_de="Forschung an Polyamiden",
            description_en="Research on polyamides",
        ),
        "leipzig": OrganizationFactory(
            name="Gamma Kunststoff GmbH",
            city="Leipzig",
            federal_state="sachsen",
            is_member=True,
            sectors=[plastics],
        ),
        "hidden": OrganizationFactory(name="Delta Verborgen GmbH", is_published=False),
    }


def test_lists_published_organizations_by_name(client, directory_url, directory):
    response = client.get(directory_url())

    assert response.status_code == 200
    assert names(response) == [
        "Alpha Chemie GmbH",
        "Beta Institut",
        "Gamma Kunststoff GmbH",
    ]
    assert "Delta Verborgen" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=institute", ["Beta Institut"]),
        ("sector=plast-test", ["Beta Institut", "Gamma Kunststoff GmbH"]),
        ("state=sachsen", ["Gamma Kunststoff GmbH"]),
        ("member=yes", ["Alpha Chemie GmbH", "Gamma Kunststoff GmbH"]),
        ("member=no", ["Beta Institut"]),
        ("q=leuna", ["Alpha Chemie GmbH"]),
        ("q=polyamid", ["Beta Institut"]),
        ("q=GAMMA+leipzig", ["Gamma Kunststoff GmbH"]),
        ("sector=chem-test&member=yes", ["Alpha Chemie GmbH"]),
        ("sector=plast-test&state=thueringen&q=beta", ["Beta Institut"]),
        ("sort=-name", ["Gamma Kunststoff GmbH", "Beta Institut", "Alpha Chemie GmbH"]),
        ("sort=city&member=yes", ["Gamma Kunststoff GmbH", "Alpha Chemie GmbH"]),
        ("q=nirgendwo", []),
    ],
)
def test_filters_search_and_sorting_combine(
    client, directory_url, directory, query, expected
):
    response = client.get(f"{directory_url()}?{query}")

    assert response.status_code == 200
    assert names(response) == expected


def test_english_search_finds_the_english_description(client, directory_url, directory):
    response = client.get(f"{directory_url('en')}?q=polyamides")

    assert names(response) == ["Beta Institut"]
    assert "1 of 3 organisations" in response.content.decode()


def test_german_page_counts_in_german(client, directory_url, directory):
    html = client.get(f"{directory_url()}?member=yes").content.decode()

    assert "2 von 3 Organisationen" in html


@pytest.mark.parametrize(
    "query",
    [
        "kind=spaceship",
        "sector=does-not-exist",
        "state=bayern",
        "member=maybe",
        "sort=price",
        "q=" + "x" * 101,
        "q=%00",
    ],
)
def test_bad_filter_values_give_a_clear_message_and_no_results(
    client, directory_url, directory, query
):
    response = client.get(f"{directory_url()}?{query}")

    assert response.status_code == 200
    assert names(response) == []
    assert "Bitte korrigieren Sie die Suche" in response.content.decode()


@pytest.mark.parametrize("page", ["2", "0", "-1", "abc", "99999999999999999999"])
def test_a_page_out_of_range_or_not_a_number_is_404(
    client, directory_url, directory, page
):
    assert client.get(f"{directory_url()}?page={page}").status_code == 404


def test_pagination_keeps_the_filters(client, directory_url):
    OrganizationFactory.create_batch(45, federal_state="sachsen")
    OrganizationFactory.create_batch(5, federal_state="thueringen")

    first = client.get(f"{directory_url()}?state=sachsen")
    third = client.get(f"{directory_url()}?state=sachsen&page=3")

    assert len(names(first)) == 20
    assert 'href="?state=sachsen&amp;page=2" rel="next"' in first.content.decode()
    assert len(names(third)) == 5
    assert client.get(f"{directory_url()}?state=sachsen&page=4").status_code == 404


def test_filtering_works_without_javascript_through_a_get_form(client, directory_url):
    html = client.get(directory_url()).content.decode()

    assert f'method="get" action="{directory_url()}"' in html
    assert '<button type="submit" class="button">Ergebnisse anzeigen</button>' in html


def add_organizations(count, sectors, start=0):
    organizations = Organization.objects.bulk_create(
        Organization(
            name=f"Massen {number:04d} GmbH",
            slug=f"massen-{number:04d}",
            kind=Organization.Kind.COMPANY,
            city="Halle (Saale)",
            federal_state="sachsen-anhalt",
        )
        for number in range(start, start + count)
    )
    Organization.sectors.through.objects.bulk_create(
        Organization.sectors.through(organization=organization, sector=sector)
        for organization in organizations
        for sector in sectors
    )


@pytest.mark.parametrize(
    "query", ["", "?state=sachsen-anhalt&sector=chem-test&sort=city&page=2"]
)
def test_the_list_costs_the_same_queries_for_25_or_1000_organizations(
    client, directory_url, django_assert_max_num_queries, chemistry, plastics, query
):
    url = directory_url() + query
    add_organizations(25, [chemistry, plastics])
    few = cold_query_count(client, url, django_assert_max_num_queries)

    add_organizations(975, [chemistry, plastics], start=25)
    many = cold_query_count(client, url, django_assert_max_num_queries)

    assert few == many
    assert many <= 30


def test_sector_names_follow_the_language(client, directory_url, directory):
    english = client.get(directory_url("en")).content.decode()
    german = client.get(directory_url("de")).content.decode()

    assert "Plastics Test" in english
    assert "Kunststoffe Test" in german
    assert Sector.objects.filter(slug="plast-test").exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigram index is PostgreSQL's"
)
def test_a_search_finds_its_words_through_the_trigram_index():
    searched = Organization.objects.published().search("Leuna Chemie").values("pk")
    sql, params = searched.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "members_org_search_trgm" in plan
