import pytest

from members.demo_data import BROCHURE_ORGANIZATIONS
from members.models import Organization, Person

pytestmark = pytest.mark.django_db


def test_every_organization_of_the_brochure_is_spelled_as_there():
    names = set(Organization.objects.values_list("name", flat=True))

    assert {
        "Dow Olefinverbund GmbH",
        "InfraLeuna GmbH",
        "Industrie e.V., Landesverband Nordost",
        "Gesamtverband Kunststoffverarbeitende Industrie e. V.",
        "isw Gesellschaft für wissenschaftliche Beratung und Dienstleistung mbH",
    } <= names
    assert len(BROCHURE_ORGANIZATIONS) == 5


def test_the_four_speakers_and_the_management_as_the_brochure_gives_them():
    speakers = [
        (p.full_name, p.speaker_role_de, p.organization.name)
        for p in Person.objects.speakers()
    ]
    management = [p.full_name for p in Person.objects.management()]

    assert speakers == [
        ("Dr. Christoph Mühlhaus", "Sprecher", "Dow Olefinverbund GmbH"),
        (
            "Andreas Hiltermann",
            "Sprecher für Chemieparks & Feedstocks",
            "InfraLeuna GmbH",
        ),
        (
            "Wolfgang Blümel",
            "Sprecher für Chemie",
            "Industrie e.V., Landesverband Nordost",
        ),
        (
            "Dr. Reinhard Proske",
            "Sprecher für Kunststoffe",
            "Gesamtverband Kunststoffverarbeitende Industrie e. V.",
        ),
    ]
    assert management == ["Dr. habil. Gunthard Bratzke", "Andreas Dockhorn"]


def test_about_forty_fictional_samples_cover_every_kind_and_state():
    samples = Organization.objects.filter(is_sample=True)

    assert samples.count() >= 40
    assert set(samples.values_list("kind", flat=True)) == set(Organization.Kind.values)
    assert {"sachsen", "sachsen-anhalt", "thueringen"} <= set(
        samples.values_list("federal_state", flat=True)
    )
    assert not Organization.objects.filter(
        is_sample=False, description_de__contains="Fiktiv"
    )
