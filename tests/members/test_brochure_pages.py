import io

import pytest
from pypdf import PdfReader

from members.models import Organization, Sector

pytestmark = pytest.mark.django_db


def pdf_text(response):
    reader = PdfReader(io.BytesIO(b"".join(response)))
    return " ".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_pdf_holds_every_published_organization(client, directory_url, language):
    hidden = Organization.objects.filter(is_sample=True).first()
    hidden.is_published = False
    hidden.save()

    response = client.get(directory_url(language) + "clusteratlas.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="clusteratlas-'
    )
    text = " ".join(pdf_text(response).split())
    for name in Organization.objects.published().values_list("name", flat=True):
        assert " ".join(name.split()) in text, name
    assert hidden.name not in text


def test_the_pdf_follows_a_change_in_the_admin(client, directory_url):
    url = directory_url() + "clusteratlas.pdf"
    assert "Chemieparks" in pdf_text(client.get(url))

    sector = Sector.objects.get(slug="chemieparks-feedstocks")
    sector.name_de = "Standorte und Rohstoffe"
    sector.save()

    assert "Standorte und Rohstoffe" in pdf_text(client.get(url))


def test_the_print_overview_groups_organizations_by_kind(client, directory_url):
    response = client.get(directory_url() + "druckansicht/")

    html = response.content.decode()
    assert response.status_code == 200
    headings = [
        "Unternehmen",
        "Forschungs- oder Bildungseinrichtung",
        "Verband",
        "Dienstleister",
        "Politik und Verwaltung",
    ]
    positions = [html.index(f">{heading}</h2>") for heading in headings]
    assert positions == sorted(positions)
    assert "members/brochure.css" in html
    assert html.count("<h1") == 1
