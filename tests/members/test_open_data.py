import csv
import io
import json
from decimal import Decimal

import pytest
import vobject
from django.contrib.auth import get_user_model
from django.http import HttpRequest
from pyld import jsonld

from cluster_portal import cache as portal_cache
from members import open_data
from members.models import OpenDataSettings, Organization, OrganizationChange
from tests.members.factories import OrganizationFactory, PersonFactory, SectorFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("only_organizations")]

SCHEMA = "https://schema.org/"


@pytest.fixture
def chemistry():
    return SectorFactory(name_de="Chemie OD", name_en="Chemistry OD", slug="chem-od")


@pytest.fixture
def full(chemistry):
    """An organisation with every public field filled in."""
    return OrganizationFactory(
        name="Alpha Chemie GmbH",
        short_name="Alpha",
        kind=Organization.Kind.COMPANY,
        size=Organization.Size.SME,
        sectors=[chemistry],
        description_de="Spezialchemie aus Leuna.",
        description_en="Speciality chemicals from Leuna.",
        website="https://alpha.example.org",
        email="info@alpha.example.org",
        phone="+49 3461 000000",
        fax="03461 000001",
        street="Am Haupttor 1",
        postcode="06237",
        city="Leuna",
        federal_state="sachsen-anhalt",
        latitude=Decimal("51.32000"),
        longitude=Decimal("12.02000"),
        is_member=True,
    )


@pytest.fixture
def directory(full):
    hostile = OrganizationFactory(
        name='=HYPERLINK("http://evil.example")',
        slug="hostile",
        short_name="@SUM(A1)",
        description_de="-2+3",
        description_en="\tcmd",
        city="\rLeipzig",
        federal_state="sachsen",
        is_member=False,
    )
    hidden = OrganizationFactory(
        name="Delta Verborgen GmbH",
        email="hidden@example.org",
        is_published=False,
    )
    # Contact data that is not public: a member's pending change and people.
    OrganizationChange.objects.create(
        organization=full, email="pending-secret@example.org", phone="0000 pending"
    )
    PersonFactory(organization=full, email="person-secret@example.org")
    return {"full": full, "hostile": hostile, "hidden": hidden}


def get(client, directory_url, name, query="", language="de"):
    response = client.get(directory_url(language) + name + query)
    assert response.status_code == 200
    return response


def expected_record(organization, url):
    return {
        "id": organization.pk,
        "url": url,
        "name": "Alpha Chemie GmbH",
        "short_name": "Alpha",
        "kind": "company",
        "size": "sme",
        "sectors": ["chem-od"],
        "description_de": "Spezialchemie aus Leuna.",
        "description_en": "Speciality chemicals from Leuna.",
        "website": "https://alpha.example.org",
        "email": "info@alpha.example.org",
        "phone": "+49 3461 000000",
        "fax": "03461 000001",
        "street": "Am Haupttor 1",
        "postcode": "06237",
        "city": "Leuna",
        "federal_state": "sachsen-anhalt",
        "latitude": 51.32,
        "longitude": 12.02,
        "is_member": True,
        "logo": None,
    }


def test_csv_holds_exactly_the_published_public_fields(
    client, directory_url, directory
):
    response = get(client, directory_url, "clusteratlas.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="clusteratlas-'
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["name"] for row in rows] == [
        '\'=HYPERLINK("http://evil.example")',
        "Alpha Chemie GmbH",
    ]
    expected = expected_record(
        directory["full"], "http://testserver" + directory_url() + "alpha-chemie-gmbh/"
    )
    expected |= {
        "id": str(expected["id"]),
        "sectors": "chem-od",
        "phone": "'+49 3461 000000",
        "latitude": "51.32",
        "longitude": "12.02",
        "is_member": "true",
        "logo": "",
    }
    assert rows[1] == expected
    assert list(rows[0]) == list(open_data.FIELDS)


def test_csv_neutralises_every_cell_a_spreadsheet_would_run(
    client, directory_url, directory
):
    response = get(client, directory_url, "clusteratlas.csv")

    hostile = next(csv.DictReader(io.StringIO(response.content.decode())))
    assert hostile["name"] == '\'=HYPERLINK("http://evil.example")'
    assert hostile["short_name"] == "'@SUM(A1)"
    assert hostile["description_de"] == "'-2+3"
    assert hostile["description_en"] == "'\tcmd"
    assert hostile["city"] == "'\rLeipzig"
    cells = [
        cell
        for row in csv.reader(io.StringIO(response.content.decode()))
        for cell in row
    ]
    assert not [cell for cell in cells if cell.startswith(open_data.FORMULA_STARTS)]


def test_no_format_shows_unpublished_or_non_public_data(
    client, directory_url, detail_url, directory
):
    full = directory["full"]
    bodies = [
        get(client, directory_url, name).content.decode()
        for name in ("clusteratlas.csv", "clusteratlas.json", "clusteratlas.jsonld")
    ]
    bodies.append(client.get(detail_url(full) + "vcard.vcf").content.decode())
    for body in bodies:
        assert "Delta Verborgen" not in body
        assert "hidden@example.org" not in body
        assert "pending-secret@example.org" not in body
        assert "0000 pending" not in body
        assert "person-secret@example.org" not in body
        assert "Nachname" not in body


def test_json_is_the_documented_versioned_format(client, directory_url, directory):
    response = get(client, directory_url, "clusteratlas.json", "?member=yes")

    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["format"] == "clusteratlas-organizations"
    assert data["version"] == "1.0"
    assert (
        data["source"]
        == "http://testserver" + directory_url() + "clusteratlas.json?member=yes"
    )
    assert data["licence"] is None
    assert data["count"] == 1
    assert data["organizations"] == [
        expected_record(
            directory["full"],
            "http://testserver" + directory_url() + "alpha-chemie-gmbh/",
        )
    ]


def test_identifier_stays_when_name_and_slug_change(client, directory_url, full):
    before = json.loads(get(client, directory_url, "clusteratlas.json").content)
    full.name, full.slug = "Alpha Neu GmbH", "alpha-neu"
    full.save()
    after = json.loads(get(client, directory_url, "clusteratlas.json").content)

    assert before["organizations"][0]["id"] == after["organizations"][0]["id"]
    assert after["organizations"][0]["name"] == "Alpha Neu GmbH"


def test_json_ld_expands_to_schema_org_organizations(client, directory_url, directory):
    response = get(client, directory_url, "clusteratlas.jsonld", language="en")

    assert response["Content-Type"] == "application/ld+json"
    expanded = jsonld.expand(json.loads(response.content))
    nodes = {node["@id"]: node for node in expanded}
    page = "http://testserver" + directory_url("en") + "alpha-chemie-gmbh/"
    alpha = nodes[page + "#organization"]
    assert alpha["@type"] == [SCHEMA + "Organization"]
    assert alpha[SCHEMA + "name"] == [{"@value": "Alpha Chemie GmbH"}]
    assert alpha[SCHEMA + "description"] == [
        {"@value": "Speciality chemicals from Leuna."}
    ]
    assert alpha[SCHEMA + "identifier"] == [{"@value": str(directory["full"].pk)}]
    [address] = alpha[SCHEMA + "address"]
    assert address["@type"] == [SCHEMA + "PostalAddress"]
    assert {
        key: value[0]["@value"] for key, value in address.items() if key != "@type"
    } == {
        SCHEMA + "streetAddress": "Am Haupttor 1",
        SCHEMA + "postalCode": "06237",
        SCHEMA + "addressLocality": "Leuna",
        SCHEMA + "addressRegion": "Saxony-Anhalt",
        SCHEMA + "addressCountry": "DE",
    }
    [sector] = alpha[SCHEMA + "knowsAbout"]
    assert sector["@type"] == [SCHEMA + "DefinedTerm"]
    assert sector[SCHEMA + "name"] == [{"@value": "Chemistry OD"}]
    assert sector[SCHEMA + "termCode"] == [{"@value": "chem-od"}]
    cluster_id = "http://testserver/#cluster"
    assert alpha[SCHEMA + "memberOf"] == [{"@id": cluster_id}]
    assert nodes[cluster_id]["@type"] == [SCHEMA + "Organization"]
    assert alpha[SCHEMA + "telephone"] == [{"@value": "+49 3461 000000"}]
    hostile = nodes["http://testserver" + directory_url("en") + "hostile/#organization"]
    assert SCHEMA + "memberOf" not in hostile
    organizations = [n for n in expanded if n["@type"] == [SCHEMA + "Organization"]]
    assert len(organizations) == 3  # two organisations and the cluster


def test_licence_chosen_by_the_editors_is_stated(client, directory_url, directory):
    OpenDataSettings.objects.create(licence=OpenDataSettings.Licence.CC_BY)
    licence_url = "https://creativecommons.org/licenses/by/4.0/"

    data = json.loads(get(client, directory_url, "clusteratlas.json").content)
    assert data["licence"] == {
        "id": "CC-BY-4.0",
        "name": "Creative Commons Namensnennung 4.0 (CC BY 4.0)",
        "url": licence_url,
    }
    graph = jsonld.expand(
        json.loads(get(client, directory_url, "clusteratlas.jsonld").content)
    )
    [dataset] = [n for n in graph if n["@type"] == [SCHEMA + "Dataset"]]
    assert dataset[SCHEMA + "license"] == [{"@value": licence_url}]
    csv_response = get(client, directory_url, "clusteratlas.csv")
    assert csv_response["Link"] == f'<{licence_url}>; rel="license"'
    page = client.get(directory_url()).content.decode()
    assert f'<a href="{licence_url}" rel="license">' in page


def test_undecided_licence_is_said_so(client, directory_url, directory):
    page = client.get(directory_url()).content.decode()

    assert "Die Lizenz dieser Daten ist noch nicht entschieden." in page
    assert "Link" not in get(client, directory_url, "clusteratlas.csv")


@pytest.mark.parametrize(
    "query",
    [
        "?sector=no-such-sector",
        "?kind=spaceship",
        "?state=sachsen&member=yes&q=nothing-matches-this",
        "?sort=sideways",
    ],
)
def test_impossible_filters_give_empty_valid_files(
    client, directory_url, directory, query
):
    rows = list(
        csv.reader(
            io.StringIO(
                get(client, directory_url, "clusteratlas.csv", query).content.decode()
            )
        )
    )
    assert rows == [list(open_data.FIELDS)]
    data = json.loads(get(client, directory_url, "clusteratlas.json", query).content)
    assert (data["count"], data["organizations"]) == (0, [])
    graph = jsonld.expand(
        json.loads(get(client, directory_url, "clusteratlas.jsonld", query).content)
    )
    assert [node["@type"] for node in graph] == [
        [SCHEMA + "Dataset"],
        [SCHEMA + "Organization"],
    ]


def test_downloads_follow_the_list_filters(client, directory_url, directory):
    data = json.loads(
        get(client, directory_url, "clusteratlas.json", "?state=sachsen").content
    )
    assert [org["id"] for org in data["organizations"]] == [directory["hostile"].pk]
    page = client.get(directory_url() + "?state=sachsen&page=1").content.decode()
    for name in ("clusteratlas.csv", "clusteratlas.json", "clusteratlas.jsonld"):
        assert f'href="{directory_url()}{name}?state=sachsen"' in page
    assert f'href="{directory_url()}karte/?state=sachsen"' in page


def test_vcard_holds_the_public_contact_data(client, detail_url, full):
    response = client.get(detail_url(full) + "vcard.vcf")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{full.slug}.vcf"'
    card = vobject.readOne(response.content.decode())
    assert card.fn.value == "Alpha Chemie GmbH"
    assert card.org.value == ["Alpha Chemie GmbH"]
    assert card.adr.value.street == "Am Haupttor 1"
    assert card.adr.value.city == "Leuna"
    assert card.adr.value.code == "06237"
    assert card.adr.value.region == "Sachsen-Anhalt"
    assert card.adr.value.country == "Deutschland"
    phones = {tel.value: tel.params["TYPE"] for tel in card.contents["tel"]}
    assert phones == {
        "+49 3461 000000": ["WORK", "VOICE"],
        "03461 000001": ["WORK", "FAX"],
    }
    assert card.email.value == "info@alpha.example.org"
    assert card.url.value == "https://alpha.example.org"
    assert card.uid.value == f"clusteratlas-organization-{full.pk}"
    assert card.categories.value == ["Chemie OD"]
    assert card.note.value == "Spezialchemie aus Leuna."
    assert card.source.value == "http://testserver" + detail_url(full)


def test_vcard_escapes_and_folds_long_text(client, detail_url, full):
    full.description_de = "Kunststoffe; Chemie, Recycling\nund " + "ä" * 80
    full.name = "Alpha\rEND:VCARD\r\nBEGIN:VCARD\r\nFN:Fake"
    full.save()

    text = client.get(detail_url(full) + "vcard.vcf").content.decode()
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.split("\r\n").count("BEGIN:VCARD") == 1
    card = vobject.readOne(text)
    assert card.note.value == full.description_de
    assert card.fn.value == "Alpha\nEND:VCARD\nBEGIN:VCARD\nFN:Fake"


def test_vcard_of_unknown_or_unpublished_organization_is_404(
    client, detail_url, directory
):
    assert client.get(detail_url(directory["hidden"]) + "vcard.vcf").status_code == 404
    missing = detail_url(directory["full"]).replace(directory["full"].slug, "nobody")
    assert client.get(missing + "vcard.vcf").status_code == 404


def test_organization_page_links_its_vcard(client, detail_url, full):
    url = detail_url(full)
    page = client.get(url).content.decode()

    assert f'href="{url}vcard.vcf" download' in page


@pytest.mark.parametrize(
    "name", ["clusteratlas.csv", "clusteratlas.json", "clusteratlas.jsonld"]
)
def test_query_count_does_not_grow_with_the_directory(
    client, directory_url, django_assert_max_num_queries, chemistry, name
):
    OrganizationFactory.create_batch(3, sectors=[chemistry])
    for _warm_up in range(2):  # the apphooks' URLs, then django CMS's caches
        portal_cache.bump("directory")  # measure renders, not page-cache hits
        get(client, directory_url, name)
    portal_cache.bump("directory")
    with django_assert_max_num_queries(1000) as few:
        get(client, directory_url, name)
    OrganizationFactory.create_batch(30, sectors=[chemistry])
    with django_assert_max_num_queries(len(few)) as many:
        response = get(client, directory_url, name)
    assert response.content.count(b"Beispiel") >= 33
    assert len(many) == len(few)


def test_editors_choose_the_licence_in_the_admin(client, directory_url, full):
    get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    client.login(request=HttpRequest(), username="boss", password="pw")
    add_url = "/de/admin/members/opendatasettings/add/"

    response = client.post(add_url, {"licence": "dl-de-zero-2.0"})
    assert response.status_code == 302
    data = json.loads(get(client, directory_url, "clusteratlas.json").content)
    assert data["licence"]["id"] == "DL-DE-ZERO-2.0"
    assert data["licence"]["name"] == "Datenlizenz Deutschland – Zero – Version 2.0"
    # One row of settings: no second one, and it cannot be deleted.
    assert client.get(add_url).status_code == 403
    row = OpenDataSettings.objects.get()
    delete_url = f"/de/admin/members/opendatasettings/{row.pk}/delete/"
    assert client.get(delete_url).status_code == 403


@pytest.mark.parametrize(
    "name",
    ["", "karte/", "clusteratlas.csv", "clusteratlas.json", "clusteratlas.jsonld"],
)
def test_anonymous_downloads_and_map_set_no_cookie(client, directory_url, full, name):
    response = get(client, directory_url, name, "?state=sachsen-anhalt")

    assert response.cookies == {}
