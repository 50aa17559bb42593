# ruff: noqa: E501
"""The Clusteratlas's demo content: the organisations and people the cluster's
brochure names, spelled as it spells them, plus clearly fictional samples."""

SECTORS = (
    # slug, German, English
    ("chemie", "Chemie", "Chemistry"),
    ("kunststoffe", "Kunststoffe", "Plastics"),
    (
        "chemieparks-feedstocks",
        "Chemieparks & Feedstocks",
        "Chemical parks & feedstocks",
    ),
    ("logistik", "Logistik", "Logistics"),
    ("recycling", "Recycling", "Recycling"),
    ("forschung-entwicklung", "Forschung & Entwicklung", "Research & development"),
)

# The brochure gives these names and nothing more, except for the cluster
# management's address; nothing else is filled in.
BROCHURE_ORGANIZATIONS = (
    {"name": "Dow Olefinverbund GmbH", "kind": "company"},
    {"name": "InfraLeuna GmbH", "kind": "company"},
    {"name": "Industrie e.V., Landesverband Nordost", "kind": "association"},
    {
        "name": "Gesamtverband Kunststoffverarbeitende Industrie e. V.",
        "kind": "association",
    },
    {
        "name": "isw Gesellschaft für wissenschaftliche Beratung und Dienstleistung mbH",
        "short_name": "isw",
        "kind": "service-provider",
        "street": "Hoher Weg 3",
        "postcode": "06120",
        "city": "Halle (Saale)",
        "federal_state": "sachsen-anhalt",
        "phone": "+49 (0) 345 / 299 82 726",
        "fax": "+49 (0) 345 / 299 82 711",
        "email": "cluster-chemie-kunststoffe@online.de",
        "website": "https://www.cluster-chemie-kunststoffe.de",
        "description_de": "Die isw GmbH ist das Clustermanagement des Zukunftsclusters "
        "Chemie/Kunststoffe Mitteldeutschland.",
        "description_en": "isw GmbH is the cluster management of the Future Cluster "
        "Chemistry/Plastics Central Germany.",
    },
)

# fmt: off
# academic title, first, last, organisation, position (de, en), role (de, en)
SPEAKERS = (
    ("Dr.", "Christoph", "Mühlhaus", "Dow Olefinverbund GmbH",
     ("Geschäftsführer a.D.", "Former Managing Director"),
     ("Sprecher", "Speaker")),
    ("", "Andreas", "Hiltermann", "InfraLeuna GmbH",
     ("Geschäftsführer", "Managing Director"),
     ("Sprecher für Chemieparks & Feedstocks", "Speaker for Chemical Parks & Feedstocks")),
    ("", "Wolfgang", "Blümel", "Industrie e.V., Landesverband Nordost",
     ("Stellvertretender Geschäftsführer", "Deputy Managing Director"),
     ("Sprecher für Chemie", "Speaker for Chemistry")),
    ("Dr.", "Reinhard", "Proske", "Gesamtverband Kunststoffverarbeitende Industrie e. V.",
     ("Präsident", "President"),
     ("Sprecher für Kunststoffe", "Speaker for Plastics")),
)

MANAGEMENT_ORGANIZATION = (
    "isw Gesellschaft für wissenschaftliche Beratung und Dienstleistung mbH"
)
MANAGEMENT = (("Dr. habil.", "Gunthard", "Bratzke"), ("", "Andreas", "Dockhorn"))

# Fictional samples: (name, kind, size, city, postcode, state, sectors, member)
SAMPLES = (
    ("Beispiel Polymerwerk Saalekreis GmbH", "company", "large", "Merseburg", "06217", "sachsen-anhalt", ("kunststoffe", "chemie"), True),
    ("Muster Kunststofftechnik Bitterfeld GmbH", "company", "sme", "Bitterfeld-Wolfen", "06766", "sachsen-anhalt", ("kunststoffe",), True),
    ("Demo Spezialchemie Leuna GmbH", "company", "sme", "Leuna", "06237", "sachsen-anhalt", ("chemie",), True),
    ("Exempel Folien Zeitz GmbH", "company", "sme", "Zeitz", "06712", "sachsen-anhalt", ("kunststoffe",), False),
    ("Probe Compoundiertechnik Schkopau GmbH", "company", "sme", "Schkopau", "06258", "sachsen-anhalt", ("kunststoffe", "recycling"), True),
    ("Muster Rohstoffpark Elbe GmbH", "company", "large", "Stendal", "39576", "sachsen-anhalt", ("chemieparks-feedstocks",), False),
    ("Beispiel Chemielogistik Halle GmbH", "company", "sme", "Halle (Saale)", "06112", "sachsen-anhalt", ("logistik",), True),
    ("Demo Spritzguss Dessau GmbH", "company", "sme", "Dessau-Roßlau", "06844", "sachsen-anhalt", ("kunststoffe",), False),
    ("Exempel Katalysatoren Magdeburg GmbH", "company", "sme", "Magdeburg", "39106", "sachsen-anhalt", ("chemie", "forschung-entwicklung"), True),
    ("Muster Recyclingwerk Wittenberg GmbH", "company", "sme", "Lutherstadt Wittenberg", "06886", "sachsen-anhalt", ("recycling",), False),
    ("Beispiel Chemiepark Böhlen GmbH", "company", "large", "Böhlen", "04564", "sachsen", ("chemieparks-feedstocks", "chemie"), True),
    ("Demo Kunststoffverarbeitung Chemnitz GmbH", "company", "sme", "Chemnitz", "09111", "sachsen", ("kunststoffe",), True),
    ("Exempel Faserverbund Dresden GmbH", "company", "sme", "Dresden", "01067", "sachsen", ("kunststoffe", "forschung-entwicklung"), False),
    ("Muster Lacke und Farben Leipzig GmbH", "company", "sme", "Leipzig", "04109", "sachsen", ("chemie",), True),
    ("Beispiel Verpackungsfolien Plauen GmbH", "company", "sme", "Plauen", "08523", "sachsen", ("kunststoffe", "recycling"), False),
    ("Probe Gase und Energie Espenhain GmbH", "company", "large", "Rötha", "04571", "sachsen", ("chemieparks-feedstocks",), False),
    ("Demo Chemiehandel Zwickau GmbH", "company", "sme", "Zwickau", "08056", "sachsen", ("logistik", "chemie"), False),
    ("Exempel Kunststoffrohre Freiberg GmbH", "company", "sme", "Freiberg", "09599", "sachsen", ("kunststoffe",), True),
    ("Beispiel Polymerchemie Rudolstadt GmbH", "company", "large", "Rudolstadt", "07407", "thueringen", ("chemie", "kunststoffe"), True),
    ("Muster Kunststoffteile Erfurt GmbH", "company", "sme", "Erfurt", "99084", "thueringen", ("kunststoffe",), False),
    ("Demo Feinchemikalien Jena GmbH", "company", "sme", "Jena", "07743", "thueringen", ("chemie", "forschung-entwicklung"), True),
    ("Exempel Schaumstoffe Gera GmbH", "company", "sme", "Gera", "07545", "thueringen", ("kunststoffe",), False),
    ("Probe Kreislaufwirtschaft Nordhausen GmbH", "company", "sme", "Nordhausen", "99734", "thueringen", ("recycling",), False),
    ("Beispiel Tanklogistik Schwarzheide GmbH", "company", "sme", "Schwarzheide", "01987", "elsewhere", ("logistik", "chemieparks-feedstocks"), False),
    ("Institut für Beispielpolymere Halle", "institute", "", "Halle (Saale)", "06120", "sachsen-anhalt", ("kunststoffe", "forschung-entwicklung"), True),
    ("Musterhochschule für Chemietechnik Merseburg", "institute", "", "Merseburg", "06217", "sachsen-anhalt", ("chemie", "forschung-entwicklung"), True),
    ("Demo-Forschungszentrum Kunststoffrecycling Leipzig", "institute", "", "Leipzig", "04318", "sachsen", ("recycling", "forschung-entwicklung"), False),
    ("Exempel-Bildungszentrum Chemieberufe Bitterfeld", "institute", "", "Bitterfeld-Wolfen", "06749", "sachsen-anhalt", ("chemie",), True),
    ("Probe-Institut für Oberflächentechnik Jena", "institute", "", "Jena", "07745", "thueringen", ("chemie", "forschung-entwicklung"), False),
    ("Musteruniversität Dresden, Lehrstuhl Beispielchemie", "institute", "", "Dresden", "01069", "sachsen", ("chemie", "forschung-entwicklung"), False),
    ("Beispielverband Kunststoffverarbeiter Mitteldeutschland e. V.", "association", "", "Chemnitz", "09113", "sachsen", ("kunststoffe",), True),
    ("Musterverein Chemiestandorte e. V.", "association", "", "Leuna", "06237", "sachsen-anhalt", ("chemieparks-feedstocks",), True),
    ("Demo-Netzwerk Kreislaufkunststoffe e. V.", "association", "", "Erfurt", "99085", "thueringen", ("recycling", "kunststoffe"), False),
    ("Exempel Ingenieurbüro Anlagenbau Halle", "service-provider", "", "Halle (Saale)", "06108", "sachsen-anhalt", ("chemie",), False),
    ("Beispiel Patentberatung Leipzig", "service-provider", "", "Leipzig", "04103", "sachsen", ("forschung-entwicklung",), False),
    ("Muster Prüflabor Kunststoffe Magdeburg", "service-provider", "", "Magdeburg", "39104", "sachsen-anhalt", ("kunststoffe",), True),
    ("Demo Personalberatung Chemie Dresden", "service-provider", "", "Dresden", "01097", "sachsen", (), False),
    ("Musterstadt Wirtschaftsförderung Beispielkreis", "public-body", "", "Merseburg", "06217", "sachsen-anhalt", (), False),
    ("Beispielministerium für Wirtschaft (fiktiv)", "public-body", "", "Magdeburg", "39114", "sachsen-anhalt", (), False),
    ("Exempel-Landesamt für Umwelt (fiktiv)", "public-body", "", "Dresden", "01109", "sachsen", ("recycling",), False),
    ("Probe Standortagentur Thüringen (fiktiv)", "public-body", "", "Erfurt", "99096", "thueringen", (), False),
)

# fmt: on

# Where the samples' cities are (latitude, longitude), for the actor map.
# Schwarzheide lies in Brandenburg, inside the map's frame.
CITY_COORDINATES = {
    "Bitterfeld-Wolfen": (51.62, 12.32),
    "Böhlen": (51.2, 12.39),
    "Chemnitz": (50.83, 12.92),
    "Dessau-Roßlau": (51.84, 12.24),
    "Dresden": (51.05, 13.74),
    "Erfurt": (50.98, 11.03),
    "Freiberg": (50.91, 13.34),
    "Gera": (50.88, 12.08),
    "Halle (Saale)": (51.48, 11.97),
    "Jena": (50.93, 11.59),
    "Leipzig": (51.34, 12.37),
    "Leuna": (51.32, 12.02),
    "Lutherstadt Wittenberg": (51.87, 12.65),
    "Magdeburg": (52.13, 11.63),
    "Merseburg": (51.36, 11.99),
    "Nordhausen": (51.5, 10.79),
    "Plauen": (50.5, 12.14),
    "Rötha": (51.2, 12.42),
    "Rudolstadt": (50.72, 11.34),
    "Schkopau": (51.39, 11.95),
    "Schwarzheide": (51.48, 13.87),
    "Stendal": (52.61, 11.86),
    "Zeitz": (51.05, 12.14),
    "Zwickau": (50.72, 12.5),
}

SAMPLE_DESCRIPTION = {
    "de": "Fiktiver Beispieleintrag des Clusteratlas: {name} aus {city}. "
    "Dieser Eintrag dient nur der Vorschau und wird vor dem Start gelöscht.",
    "en": "Fictional sample entry of the cluster atlas: {name} in {city}. "
    "It only serves as a preview and will be deleted before launch.",
}
