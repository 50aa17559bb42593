"""Every fact of the cluster's brochure is on the site, in both languages."""

import pytest
from cms.models import Page

pytestmark = pytest.mark.django_db

# Names, numbers and terms that read the same in both languages.
FACTS_IN_BOTH = [
    "Dr. Christoph Mühlhaus",
    "Dow Olefinverbund GmbH",
    "Andreas Hiltermann",
    "InfraLeuna GmbH",
    "Wolfgang Blümel",
    "Industrie e.V., Landesverband Nordost",
    "Dr. Reinhard Proske",
    "Gesamtverband Kunststoffverarbeitende Industrie e. V.",
    "Dr. habil. Gunthard Bratzke",
    "Andreas Dockhorn",
    "isw Gesellschaft für wissenschaftliche Beratung und Dienstleistung mbH",
    "Hoher Weg 3",
    "06120 Halle (Saale)",
    "345 / 299 82 726",
    "299 82 711",
    "cluster-chemie-kunststoffe@online.de",
    "www.cluster-chemie-kunststoffe.de",
    "Schkopau",
    "2007",
    "Prof. J. Nelles",
    "ECRN",
    "ChemLog",
    "ChemClust",
    "HLG",
    "CKnews",
    "CKreihe",
]
FACTS = {
    "de": [
        "Mitteldeutschland wird wieder ein Kompetenzzentrum für die "
        "Polymerherstellung und -verarbeitung",
        "von der Wirtschaft initiierte Plattform des länderübergreifenden "
        "Zusammenwirkens",
        "Chemie- und Kunststoffregion",
        "IQ-Cluster-Innovationspreis",
        "Roadmap-Prozess",
        "Sprecher für Chemieparks &amp; Feedstocks",
        "Sprecher für Chemie",
        "Sprecher für Kunststoffe",
        "Europäischen Netzwerk der Chemieregionen",
        "Clusteratlas",
        "Branchentreffen, Events und Messen",
    ],
    "en": [
        "Central Germany will once again become a centre of competence for the "
        "production and processing of polymers",
        "industry-led platform for cooperation across the federal states",
        "chemical and plastics region",
        "IQ Cluster Innovation Prize",
        "Roadmap process",
        "Speaker for Chemical Parks &amp; Feedstocks",
        "Speaker for Chemistry",
        "Speaker for Plastics",
        "European Chemical Regions Network",
        "Cluster atlas",
        "industry meetings, events and trade fairs",
    ],
}


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_brochure_is_on_the_site(client, language):
    site_text = "".join(
        client.get(page.get_absolute_url(language)).content.decode()
        for page in Page.objects.all()
    )

    missing = [
        fact for fact in FACTS_IN_BOTH + FACTS[language] if fact not in site_text
    ]

    assert missing == []
