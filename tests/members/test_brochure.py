"""The Clusteratlas as a PDF brochure."""

import io
import logging

import pytest
from django.core.files.base import ContentFile
from django.utils import formats, timezone, translation
from PIL import Image
from pypdf import PdfReader

from members.brochure import AUTHOR, render_brochure_pdf
from members.models import Organization

from .factories import OrganizationFactory, SectorFactory

pytestmark = pytest.mark.django_db


def prefetched(*organizations):
    return list(
        Organization.objects.filter(pk__in=[o.pk for o in organizations])
        .prefetch_related("sectors")
        .order_by("name")
    )


def pdf_text(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    # Lines wrap anywhere; compare words, not line breaks.
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGBA", (120, 60), (11, 85, 104, 255)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def organizations():
    sector = SectorFactory(
        name_de="Zellulosechemie", name_en="Cellulose chemistry", slug="zellulose"
    )
    return prefetched(
        OrganizationFactory(
            name="Polymerwerk Schkopau GmbH",
            short_name="PWS",
            kind=Organization.Kind.COMPANY,
            size=Organization.Size.SME,
            is_member=True,
            website="https://polymerwerk.example",
            email="info@polymerwerk.example",
            phone="03461 000000",
            street="Werkstraße 1",
            description_de="Verarbeitet Kunststoffe zu Folien.",
            description_en="Turns plastics into films.",
            sectors=[sector],
        ),
        OrganizationFactory(
            name="Institut für Zellulose",
            kind=Organization.Kind.INSTITUTE,
            description_de="Forscht an Zellulose.",
            description_en="",
        ),
        OrganizationFactory(
            name="Verband der Verarbeiter",
            kind=Organization.Kind.ASSOCIATION,
            description_de="Vertritt die Verarbeiter.",
            description_en="Represents the processors.",
        ),
    )


def test_german_brochure_holds_every_organisation_with_german_texts(organizations):
    text = pdf_text(render_brochure_pdf(organizations, language="de"))

    for name in (
        "Polymerwerk Schkopau GmbH (PWS)",
        "Institut für Zellulose",
        "Verband der Verarbeiter",
    ):
        assert name in text
    assert "Verarbeitet Kunststoffe zu Folien." in text
    assert "Zellulosechemie" in text
    assert "polymerwerk.example" in text
    assert "info@polymerwerk.example" in text
    assert "03461 000000" in text
    assert "Turns plastics into films." not in text
    with translation.override("de"):
        date = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    assert date in text


def test_english_brochure_has_english_texts_and_falls_back_to_german(organizations):
    text = pdf_text(render_brochure_pdf(organizations, language="en"))

    assert "Turns plastics into films." in text
    assert "Represents the processors." in text
    assert "Forscht an Zellulose." in text  # no English text: German instead
    assert "Cellulose chemistry" in text
    assert "Verarbeitet Kunststoffe zu Folien." not in text
    assert "Cluster member" in text


@pytest.mark.parametrize("language", ["de", "en"])
def test_organisations_are_grouped_under_their_kind_in_order(organizations, language):
    text = pdf_text(render_brochure_pdf(organizations, language=language))

    with translation.override(language):
        headings = [
            str(Organization.Kind.COMPANY.label),
            str(Organization.Kind.INSTITUTE.label),
            str(Organization.Kind.ASSOCIATION.label),
        ]
    body = text.split("Clusteratlas", 2)[-1]  # past the cover's contents
    positions = [body.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert body.index("Polymerwerk") < positions[1] < body.index("Institut für")
    assert body.index("Institut für") < positions[2] < body.index("Verband der")
    assert str(Organization.Kind.PUBLIC_BODY.label) not in body


def test_special_characters_survive():
    organization = OrganizationFactory(
        name="Müller & Söhne <GmbH>",
        description_de="Sie sagen „Qualität“ – und meinen es. Größe: 5 % > 3 %.",
    )

    text = pdf_text(render_brochure_pdf(prefetched(organization), language="de"))

    assert "Müller & Söhne <GmbH>" in text
    assert "„Qualität“ – und meinen es. Größe: 5 % > 3 %." in text


def test_pdf_carries_title_author_and_language(organizations):
    pdf = render_brochure_pdf(organizations, language="en")

    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title.startswith("Clusteratlas")
    assert reader.metadata.author == AUTHOR
    assert reader.trailer["/Root"]["/Lang"] == "en"
    with translation.override("en"):
        kinds = [str(kind.label) for kind in list(Organization.Kind)[:3]]
    top_level = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top_level == kinds  # a bookmark per kind, organisations below


def test_footer_numbers_the_pages(organizations):
    reader = PdfReader(io.BytesIO(render_brochure_pdf(organizations, language="en")))

    assert "Page 2" in reader.pages[1].extract_text()


def test_logo_is_included(organizations):
    organization = organizations[0]
    organization.logo.save("polymerwerk.png", ContentFile(png_bytes()))

    reader = PdfReader(io.BytesIO(render_brochure_pdf([organization], language="de")))

    assert sum(len(page.images) for page in reader.pages) == 1


def test_missing_or_broken_logo_is_left_out_with_a_warning(caplog):
    missing = OrganizationFactory(name="Ohne Datei GmbH", logo="logos/fehlt.png")
    broken = OrganizationFactory(name="Kaputtes Logo GmbH")
    broken.logo.save("kaputt.png", ContentFile(b"this is not a png"))

    with caplog.at_level(logging.WARNING, logger="members.brochure"):
        pdf = render_brochure_pdf(prefetched(missing, broken), language="de")

    text = pdf_text(pdf)
    assert "Ohne Datei GmbH" in text
    assert "Kaputtes Logo GmbH" in text
    assert len(caplog.records) == 2


def test_rendering_makes_no_queries(organizations, django_assert_num_queries):
    with django_assert_num_queries(0):
        render_brochure_pdf(organizations, language="de")


def test_two_hundred_organisations_render():
    kinds = list(Organization.Kind)
    organizations = prefetched(
        *(
            OrganizationFactory(
                name=f"Akteur {number:03d}",
                kind=kinds[number % len(kinds)],
                description_de="Ein Absatz über das Unternehmen. " * 8,
            )
            for number in range(200)
        )
    )

    reader = PdfReader(io.BytesIO(render_brochure_pdf(organizations, language="de")))

    text = " ".join(page.extract_text() for page in reader.pages[-3:])
    assert len(reader.pages) > 20
    assert "Akteur" in text
