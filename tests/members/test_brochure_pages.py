import io

import pytest
from django.core.files.storage import default_storage
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from members.models import Organization, Sector
from members.tasks import build_brochure

pytestmark = pytest.mark.django_db


def pdf_text(response):
    reader = PdfReader(io.BytesIO(b"".join(response)))
    return " ".join(page.extract_text() for page in reader.pages)


def ready_pdf(client, url, run_tasks):
    """Ask for the PDF; it is prepared in the background, then served."""
    pending = client.get(url)
    assert pending.status_code == 202
    assert run_tasks() == 1
    response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_pdf_holds_every_published_organization(
    client, directory_url, language, run_tasks
):
    hidden = Organization.objects.filter(is_sample=True).first()
    hidden.is_published = False
    hidden.save()

    response = ready_pdf(
        client, directory_url(language) + "clusteratlas.pdf", run_tasks
    )

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="clusteratlas-'
    )
    text = " ".join(pdf_text(response).split())
    for name in Organization.objects.published().values_list("name", flat=True):
        assert " ".join(name.split()) in text, name
    assert hidden.name not in text


@pytest.mark.parametrize(
    "language, words",
    [("de", "wird gerade erstellt"), ("en", "is being prepared")],
)
def test_until_the_pdf_is_ready_a_page_says_so_and_it_is_built_once(
    client, directory_url, language, words, run_tasks
):
    url = directory_url(language) + "clusteratlas.pdf"

    first, second = client.get(url), client.get(url)

    for response in (first, second):
        assert response.status_code == 202
        assert response["Retry-After"] == "15"
        assert "no-store" in response["Cache-Control"]
        assert words in response.content.decode()
        assert not response.cookies
    assert (
        DBTaskResult.objects.filter(task_path=build_brochure.module_path).count() == 1
    )
    assert run_tasks() == 1
    assert client.get(url)["Content-Type"] == "application/pdf"


def test_the_pdf_follows_a_change_in_the_admin(client, directory_url, run_tasks):
    url = directory_url() + "clusteratlas.pdf"
    assert "Chemieparks" in pdf_text(ready_pdf(client, url, run_tasks))

    sector = Sector.objects.get(slug="chemieparks-feedstocks")
    sector.name_de = "Standorte und Rohstoffe"
    sector.save()

    assert "Standorte und Rohstoffe" in pdf_text(ready_pdf(client, url, run_tasks))
    assert len(default_storage.listdir("clusteratlas")[1]) == 1  # the old one went


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
