import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpRequest

from members import actor_map
from members.models import Organization
from tests.members.factories import OrganizationFactory
from tests.queries import cold_query_count

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def svg_of(response):
    """The map's <svg> element, parsed as XML (so it must be well-formed)."""
    text = response.content.decode()
    return ET.fromstring(re.search(r"<svg .*?</svg>", text, re.DOTALL).group())


def marker_links(svg):
    return [
        (link.get("href"), link.find(f"{SVG}title").text)
        for link in svg.iter(f"{SVG}a")
    ]


@pytest.fixture
def places():
    def place(name, latitude, longitude, **fields):
        return OrganizationFactory(
            name=name,
            latitude=None if latitude is None else Decimal(latitude),
            longitude=None if longitude is None else Decimal(longitude),
            **fields,
        )

    return {
        "halle": place(
            "Alpha Halle GmbH",
            "51.48",
            "11.97",
            city="Halle (Saale)",
            federal_state="sachsen-anhalt",
            is_member=True,
        ),
        "dresden": place(
            "Beta Dresden GmbH",
            "51.05",
            "13.74",
            city="Dresden",
            federal_state="sachsen",
        ),
        "nowhere": place("Gamma Ohne Ort GmbH", None, None),
        "munich": place(
            "Delta München GmbH",
            "48.14",
            "11.58",
            city="München",
            federal_state="elsewhere",
        ),
        "swapped": place("Epsilon Vertauscht GmbH", "11.97", "51.48"),
        "hidden": place("Zeta Verborgen GmbH", "51.30", "12.30", is_published=False),
    }


@pytest.fixture
def map_url(directory_url):
    return lambda language="de": (
        directory_url(language) + ("karte/" if language == "de" else "map/")
    )


@pytest.mark.usefixtures("only_organizations")
def test_map_holds_one_marker_per_mapped_organization(
    client, map_url, detail_url, places
):
    response = client.get(map_url())

    assert response.status_code == 200
    links = marker_links(svg_of(response))
    assert links == [
        (detail_url(places["halle"]), "Alpha Halle GmbH, Halle (Saale)"),
        (detail_url(places["dresden"]), "Beta Dresden GmbH, Dresden"),
    ]
    page = response.content.decode()
    assert "2 Organisationen auf der Karte" in page
    assert "(dazu 3 ohne bekannten Standort, nur in der Liste)" in page
    for left_off in ("Gamma Ohne Ort", "Delta München", "Epsilon Vertauscht", "Zeta"):
        assert left_off not in page


@pytest.mark.usefixtures("only_organizations")
def test_markers_lie_inside_the_drawn_map(client, map_url, places):
    svg = svg_of(client.get(map_url()))
    _, _, width, height = map(float, svg.get("viewBox").split())

    circles = list(svg.iter(f"{SVG}circle"))
    assert len(circles) == 2
    for circle in circles:
        assert 0 < float(circle.get("cx")) < width
        assert 0 < float(circle.get("cy")) < height
    # Dresden lies east of Halle and south of it, so right of and below it.
    halle, dresden = circles
    assert float(dresden.get("cx")) > float(halle.get("cx"))
    assert float(dresden.get("cy")) > float(halle.get("cy"))


@pytest.mark.usefixtures("only_organizations")
def test_map_draws_the_three_states_with_a_text_alternative(client, map_url, places):
    svg = svg_of(client.get(map_url("en")))

    assert svg.get("role") == "group"
    assert svg.find(f"{SVG}title").text == "Map of Saxony, Saxony-Anhalt and Thuringia"
    states = [path.find(f"{SVG}title").text for path in svg.iter(f"{SVG}path")]
    assert states == ["Saxony", "Saxony-Anhalt", "Thuringia"]
    page = client.get(map_url("en")).content.decode()
    assert '<h2 id="actor-map-list">Organisations on the map</h2>' in page
    assert page.count("Beta Dresden GmbH</a>, Dresden") == 1


@pytest.mark.usefixtures("only_organizations")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?state=sachsen", ["Beta Dresden GmbH, Dresden"]),
        ("?member=yes", ["Alpha Halle GmbH, Halle (Saale)"]),
        ("?q=nothing-like-this", []),
        ("?sector=no-such-sector", []),
    ],
)
def test_map_is_filtered_like_the_list(client, map_url, places, query, expected):
    response = client.get(map_url() + query)

    assert response.status_code == 200
    assert [name for _, name in marker_links(svg_of(response))] == expected


@pytest.mark.usefixtures("only_organizations")
def test_list_and_map_link_each_other_with_the_filters(
    client, directory_url, map_url, places
):
    page = client.get(directory_url() + "?state=sachsen").content.decode()

    assert f'href="{map_url()}?state=sachsen"' in page
    back = client.get(map_url() + "?state=sachsen&page=3").content.decode()
    assert f'href="{directory_url()}?state=sachsen"' in back


@pytest.mark.usefixtures("only_organizations")
def test_editors_find_what_the_map_leaves_off(client, places):
    get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    client.login(request=HttpRequest(), username="boss", password="pw")

    def listed(value):
        page = client.get(f"/de/admin/members/organization/?map={value}")
        assert page.status_code == 200
        return sorted(org.name for org in page.context["cl"].result_list)

    assert listed("none") == ["Gamma Ohne Ort GmbH"]
    assert listed("outside") == ["Delta München GmbH", "Epsilon Vertauscht GmbH"]
    assert listed("on") == [
        "Alpha Halle GmbH",
        "Beta Dresden GmbH",
        "Zeta Verborgen GmbH",
    ]


def test_demo_map_shows_the_samples_with_a_city(client, map_url):
    svg = svg_of(client.get(map_url()))

    mapped = actor_map.on_map(Organization.objects.published())
    assert len(marker_links(svg)) == mapped.count() > 30
    assert mapped.filter(is_sample=False).count() == 0


@pytest.mark.usefixtures("only_organizations")
def test_map_query_count_does_not_grow(client, map_url, django_assert_max_num_queries):
    def add(count):
        for _ in range(count):
            OrganizationFactory(latitude=Decimal("51.3"), longitude=Decimal("12.3"))

    add(3)
    few = cold_query_count(client, map_url(), django_assert_max_num_queries)
    add(30)
    many = cold_query_count(client, map_url(), django_assert_max_num_queries)

    assert many == few
    assert len(marker_links(svg_of(client.get(map_url())))) == 33
