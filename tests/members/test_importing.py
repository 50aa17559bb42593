"""The import of organisations from the management's CSV and Excel lists."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from members.importing import (
    MAX_ROWS,
    ImportFileError,
    import_organizations,
    read_rows,
)
from members.models import FederalState, Organization

from .factories import OrganizationFactory, SectorFactory

HEADER_DE = "Name;Kurzname;Art;Größe;Branchen;Ort;Bundesland;Mitglied"


def csv_file(text, name="akteure.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_file(rows, name="akteure.xlsx"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def sectors():
    return [
        SectorFactory(
            name_de="Zellulosechemie", name_en="Cellulose chemistry", slug="zellulose"
        ),
        SectorFactory(
            name_de="Kunststoffprüfung", name_en="Plastics testing", slug="pruefung"
        ),
    ]


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


# --- read_rows -----------------------------------------------------------------


def test_csv_with_semicolons_is_read_by_heading():
    rows = read_rows(csv_file("Name;Ort\nMusterpolymer GmbH;Leuna\n"))

    assert rows == [{"name": "Musterpolymer GmbH", "city": "Leuna"}]


def test_csv_with_commas_and_quotes_is_read():
    rows = read_rows(
        csv_file('name,city,description_de\n"Muster, Söhne & Co.",Halle,"a; b"\n')
    )

    assert rows == [
        {"name": "Muster, Söhne & Co.", "city": "Halle", "description_de": "a; b"}
    ]


def test_byte_order_mark_of_excel_csv_does_not_hide_first_heading():
    rows = read_rows(csv_file("\ufeffName;Ort\nMusterpolymer GmbH;Leuna\n"))

    assert rows[0]["name"] == "Musterpolymer GmbH"


def test_headings_match_in_either_language_and_any_case():
    rows = read_rows(
        csv_file("NAME;short_name;E-mail;größe;Beschreibung (EN)\nA;B;a@b.de;KMU;x\n")
    )

    assert rows[0] == {
        "name": "A",
        "short_name": "B",
        "email": "a@b.de",
        "size": "KMU",
        "description_en": "x",
    }


def test_empty_rows_are_skipped_and_row_numbers_stay_those_of_the_sheet():
    rows = read_rows(csv_file("Name;Ort\n\n;\nMusterpolymer GmbH;Leuna\n"))

    assert len(rows) == 1
    assert rows[0].number == 4


def test_xlsx_first_sheet_is_read_with_numbers_as_text():
    upload = xlsx_file([["Name", "PLZ", "Telefon"], ["Musterpolymer GmbH", 6217, None]])

    rows = read_rows(upload)

    assert rows == [{"name": "Musterpolymer GmbH", "postcode": "6217", "phone": ""}]


def test_csv_in_windows_encoding_asks_for_utf8():
    upload = csv_file("Name;Ort\nMüller Kunststoffe;Merseburg\n", encoding="cp1252")

    with pytest.raises(ImportFileError) as error:
        read_rows(upload)

    assert "UTF-8" in error.value.message
    assert "xlsx" in error.value.message.lower()


def test_corrupt_xlsx_is_reported_as_damaged():
    upload = SimpleUploadedFile("akteure.xlsx", b"PK\x03\x04 not really a workbook")

    with pytest.raises(ImportFileError) as error:
        read_rows(upload)

    assert "Excel" in error.value.message


def test_missing_name_column_is_reported():
    with pytest.raises(ImportFileError) as error:
        read_rows(csv_file("Firma Kurz;Ort\nMuster;Leuna\n"))

    assert "Name" in error.value.message


@pytest.mark.parametrize("content", ["", "\n\n", "Name;Ort\n", "Name;Ort\n;\n"])
def test_file_without_data_rows_is_refused(content):
    with pytest.raises(ImportFileError):
        read_rows(csv_file(content))


def test_other_file_types_are_refused():
    with pytest.raises(ImportFileError) as error:
        read_rows(SimpleUploadedFile("akteure.xls", b"\xd0\xcf\x11\xe0"))

    assert "akteure.xls" in error.value.message


def test_too_many_rows_are_refused():
    text = "Name\n" + "".join(f"Organisation {n}\n" for n in range(MAX_ROWS + 1))

    with pytest.raises(ImportFileError):
        read_rows(csv_file(text))


def test_too_large_file_is_refused(settings):
    upload = csv_file("Name\n" + "x" * (5 * 1024 * 1024) + "\n")

    with pytest.raises(ImportFileError):
        read_rows(upload)


def test_repeated_column_is_refused():
    with pytest.raises(ImportFileError) as error:
        read_rows(csv_file("Name;Ort;City\nA;B;C\n"))

    assert "City" in error.value.message


# --- import_organizations ------------------------------------------------------


@pytest.mark.django_db
def test_good_file_creates_new_and_updates_existing_organisations(sectors):
    existing = OrganizationFactory(
        name="Altbekannt AG", kind=Organization.Kind.COMPANY, city="Leuna"
    )
    upload = csv_file(
        f"{HEADER_DE}\n"
        "Musterpolymer GmbH;MPG;Unternehmen;KMU;Zellulosechemie, pruefung;"
        "Schkopau;Sachsen-Anhalt;ja\n"
        "Altbekannt AG;;company;Großunternehmen;;Bitterfeld-Wolfen;Saxony-Anhalt;x\n"
    )

    report = import_organizations(upload, dry_run=False)

    assert report.errors == []
    assert report.created == ["Musterpolymer GmbH"]
    assert report.updated == ["Altbekannt AG"]
    created = Organization.objects.get(slug="musterpolymer-gmbh")
    assert created.short_name == "MPG"
    assert created.kind == Organization.Kind.COMPANY
    assert created.size == Organization.Size.SME
    assert created.federal_state == FederalState.SAXONY_ANHALT
    assert created.is_member is True
    assert set(created.sectors.all()) == set(sectors)
    existing.refresh_from_db()
    assert existing.city == "Bitterfeld-Wolfen"
    assert existing.size == Organization.Size.LARGE


@pytest.mark.django_db
def test_new_organisations_stay_unpublished_unless_the_file_says_so():
    upload = csv_file(
        "Name;Art;Veröffentlicht\nVerborgen e.V.;Verband;\nSichtbar e.V.;Verband;ja\n"
    )
    import_organizations(upload, dry_run=False)
    import_organizations(
        csv_file("Name;Art\nOhne Spalte e.V.;Verband\n"), dry_run=False
    )

    published = dict(
        Organization.objects.filter(
            slug__in=["verborgen-ev", "sichtbar-ev", "ohne-spalte-ev"]
        ).values_list("slug", "is_published")
    )
    assert published == {
        "verborgen-ev": False,
        "sichtbar-ev": True,
        "ohne-spalte-ev": False,
    }


@pytest.mark.django_db
def test_update_leaves_columns_the_file_lacks_untouched(sectors):
    existing = OrganizationFactory(
        name="Altbekannt AG", phone="0345 1", city="Leuna", sectors=sectors
    )

    report = import_organizations(
        csv_file("Name;Telefon\nAltbekannt AG;0345 2\n"), dry_run=False
    )

    assert report.updated == ["Altbekannt AG"]
    existing.refresh_from_db()
    assert existing.phone == "0345 2"
    assert existing.city == "Leuna"
    assert existing.is_published is True
    assert existing.sectors.count() == 2


@pytest.mark.django_db
def test_broken_rows_are_reported_with_row_and_column_and_nothing_is_written():
    upload = csv_file(
        "Name;Art;E-Mail;Bundesland;Mitglied\n"
        "Gute Firma GmbH;Unternehmen;info@gute-firma.example;Sachsen;nein\n"
        "Schlechte Post GmbH;Unternehmen;keine-adresse;Sachsen;ja\n"
        ";Verband;;Thüringen;\n"
        "Unklar GmbH;Bäckerei;;Bayern;vielleicht\n"
    )

    report = import_organizations(upload, dry_run=False)

    errors = {(error.row, error.field) for error in report.errors}
    assert errors == {
        (3, "E-Mail"),
        (4, "Name"),
        (5, "Art"),
        (5, "Bundesland"),
        (5, "Mitglied"),
    }
    assert "Bäckerei" in next(e.message for e in report.errors if e.field == "Art")
    assert not Organization.objects.filter(slug="gute-firma-gmbh").exists()


@pytest.mark.django_db
def test_dry_run_reports_but_writes_nothing():
    existing = OrganizationFactory(name="Altbekannt AG", city="Leuna")
    upload = csv_file(
        "Name;Art;Ort\nProbelauf GmbH;Unternehmen;Halle\nAltbekannt AG;company;Zeitz\n"
    )

    report = import_organizations(upload, dry_run=True)

    assert report.errors == []
    assert report.created == ["Probelauf GmbH"]
    assert report.updated == ["Altbekannt AG"]
    assert not report.written
    assert not Organization.objects.filter(slug="probelauf-gmbh").exists()
    existing.refresh_from_db()
    assert existing.city == "Leuna"


@pytest.mark.django_db
def test_organisation_created_meanwhile_aborts_the_whole_import(monkeypatch):
    OrganizationFactory(name="Zeitgleich GmbH")
    # As if another editor had created it between the check and the writing.
    monkeypatch.setattr(
        Organization.objects, "filter", lambda **kwargs: Organization.objects.none()
    )
    upload = csv_file("Name;Art\nErste GmbH;company\nZeitgleich GmbH;company\n")

    with pytest.raises(ImportFileError):
        import_organizations(upload, dry_run=False)

    monkeypatch.undo()
    assert not Organization.objects.filter(slug="erste-gmbh").exists()


@pytest.mark.django_db
def test_new_row_without_kind_is_an_error():
    report = import_organizations(
        csv_file("Name;Ort\nOhne Art GmbH;Halle\n"), dry_run=True
    )

    kind_label = capfirst(Organization._meta.get_field("kind").verbose_name)
    assert [(error.row, error.field) for error in report.errors] == [
        (2, str(kind_label))
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "size", "state", "expected"),
    [
        ("Unternehmen", "KMU", "Sachsen-Anhalt", ("company", "sme", "sachsen-anhalt")),
        ("Company", "SME", "Saxony-Anhalt", ("company", "sme", "sachsen-anhalt")),
        ("company", "sme", "sachsen-anhalt", ("company", "sme", "sachsen-anhalt")),
        ("COMPANY", "Large company", "THÜRINGEN", ("company", "large", "thueringen")),
        ("Forschungseinrichtung", "", "Saxony", ("institute", "", "sachsen")),
        (
            "Research or education institute",
            "",
            "elsewhere",
            ("institute", "", "elsewhere"),
        ),
        ("Politik und Verwaltung", "", "Sachsen", ("public-body", "", "sachsen")),
        (
            "Service provider",
            "Großunternehmen",
            "Sachsen",
            ("service-provider", "large", "sachsen"),
        ),
    ],
)
def test_choices_are_accepted_as_code_or_label_in_both_languages(
    kind, size, state, expected
):
    upload = csv_file(
        f"Name;Art;Größe;Bundesland\nWahlfreiheit AG;{kind};{size};{state}\n"
    )

    report = import_organizations(upload, dry_run=False)

    assert report.errors == []
    organization = Organization.objects.get(slug="wahlfreiheit-ag")
    assert (
        organization.kind,
        organization.size,
        organization.federal_state,
    ) == expected


@pytest.mark.django_db
def test_sectors_are_found_by_english_name_and_unknown_ones_rejected(sectors):
    upload = csv_file(
        "Name;Art;Branchen\n"
        "Bekannt GmbH;company;Cellulose chemistry; plastics testing\n"
        "Unbekannt GmbH;company;Zellulosechemie, Bergbau\n"
    )

    report = import_organizations(upload, dry_run=True)

    assert report.created == ["Bekannt GmbH"]
    [error] = report.errors
    assert (error.row, error.field) == (3, "Branchen")
    assert "Bergbau" in error.message


@pytest.mark.django_db
def test_same_organisation_twice_in_file_is_an_error():
    upload = csv_file("Name;Art\nDoppelt GmbH;company\nDOPPELT GMBH;company\n")

    report = import_organizations(upload, dry_run=True)

    [error] = report.errors
    assert (error.row, error.field) == (3, "Name")
    assert "2" in error.message


@pytest.mark.django_db
def test_xlsx_import_with_english_headings_and_descriptions():
    upload = xlsx_file(
        [
            ["name", "kind", "description_de", "description_en", "website", "postcode"],
            [
                "Tabelle AG",
                "Association",
                "Ein Verband.",
                "An association.",
                "www.tabelle.example",
                6120,
            ],
        ]
    )

    report = import_organizations(upload, dry_run=False)

    assert report.errors == []
    organization = Organization.objects.get(slug="tabelle-ag")
    assert organization.description_de == "Ein Verband."
    assert organization.description_en == "An association."
    assert organization.website == "https://www.tabelle.example"
    assert organization.postcode == "06120"


@pytest.mark.django_db
def test_errors_speak_the_editors_language():
    upload = csv_file("Name;Art;E-Mail\nPost GmbH;company;kaputt\n")

    with translation.override("en"):
        english = import_organizations(upload, dry_run=True).errors[0].message
    german = import_organizations(upload, dry_run=True).errors[0].message

    assert english == "Enter a valid email address."
    assert german == "Bitte gültige E-Mail-Adresse eingeben."


# --- the admin page ------------------------------------------------------------


def import_url():
    return reverse("admin:members_organization_import")


@pytest.mark.django_db
def test_admin_dry_run_shows_the_report(admin_client):
    upload = csv_file("Name;Art;E-Mail\nProbe GmbH;company;\nFehler GmbH;company;x\n")

    response = admin_client.post(import_url(), {"file": upload, "dry_run": "on"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Probe GmbH" in content
    assert "E-Mail-Adresse" in content
    assert not Organization.objects.filter(slug="probe-gmbh").exists()


@pytest.mark.django_db
def test_admin_import_creates_and_returns_to_the_list(admin_client):
    upload = csv_file("Name;Art\nEchtimport GmbH;company\n")

    response = admin_client.post(import_url(), {"file": upload}, follow=True)

    assert response.redirect_chain[-1][0] == reverse(
        "admin:members_organization_changelist"
    )
    assert Organization.objects.filter(slug="echtimport-gmbh").exists()
    assert "Echtimport GmbH" not in [str(m) for m in response.context["messages"]]
    assert any("1" in str(message) for message in response.context["messages"])


@pytest.mark.django_db
def test_admin_unusable_file_is_a_form_error(admin_client):
    upload = SimpleUploadedFile("akteure.xlsx", b"kaputt")

    response = admin_client.post(import_url(), {"file": upload})

    assert response.status_code == 200
    assert "Excel" in response.content.decode()


@pytest.mark.django_db
def test_admin_page_links_the_template_and_it_has_the_headings(admin_client):
    response = admin_client.get(import_url())
    template = admin_client.get(reverse("admin:members_organization_import_template"))

    assert reverse("admin:members_organization_import_template") in (
        response.content.decode()
    )
    assert template["Content-Type"].startswith("text/csv")
    assert template.content.decode("utf-8-sig").startswith("Name;Kurzname;Art;")


@pytest.mark.django_db
def test_changelist_offers_the_import(admin_client):
    response = admin_client.get(reverse("admin:members_organization_changelist"))

    assert import_url() in response.content.decode()


@pytest.mark.django_db
def test_staff_without_permissions_is_refused(client):
    user = User.objects.create_user("redaktion", password="pw", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="view_organization"),
        Permission.objects.get(codename="add_organization"),
    )
    client.force_login(user)

    response = client.post(
        import_url(), {"file": csv_file("Name;Art\nHeimlich GmbH;company\n")}
    )

    assert response.status_code == 403
    assert not Organization.objects.filter(slug="heimlich-gmbh").exists()
