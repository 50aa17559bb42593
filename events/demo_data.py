# ruff: noqa: E501
"""The calendar's demo content: fictional sample events around the day the
demo is loaded, plus the one real meeting the brochure names.

Dates are offsets in days from that day, so the demo always has upcoming and
past events. Times are local (Europe/Berlin); ``None`` means all day.
"""

from dataclasses import dataclass

SAMPLE_NOTE = {
    "de": "Fiktiver Beispieltermin der Demo-Inhalte.",
    "en": "Fictional sample event of the demo content.",
}

# Venues: (name, street, postcode, city, federal state)
TECHNOLOGIEPARK_HALLE = (
    "Technologiepark Weinberg Campus, Konferenzzentrum",
    "Walter-Hülse-Straße 1",
    "06120",
    "Halle (Saale)",
    "sachsen-anhalt",
)
CHEMIEPARK_LEUNA = (
    "Besucherzentrum Chemiestandort Leuna",
    "Am Haupttor",
    "06237",
    "Leuna",
    "sachsen-anhalt",
)
MESSE_LEIPZIG = (
    "Leipziger Messe, Halle 2",
    "Messe-Allee 1",
    "04356",
    "Leipzig",
    "sachsen",
)
MESSE_DUESSELDORF = (
    "Messe Düsseldorf",
    "Stockumer Kirchstraße 61",
    "40474",
    "Düsseldorf",
    "elsewhere",
)
MESSE_ERFURT = ("Messe Erfurt", "Gothaer Straße 34", "99094", "Erfurt", "thueringen")
BITTERFELD = (
    "Tagungshaus am Chemiepark",
    "Zörbiger Straße 22",
    "06749",
    "Bitterfeld-Wolfen",
    "sachsen-anhalt",
)
MERSEBURG = (
    "Hochschulcampus Merseburg, Hörsaal A",
    "Eberhard-Leibnitz-Straße 2",
    "06217",
    "Merseburg",
    "sachsen-anhalt",
)
JENA = ("Volkshaus Jena", "Carl-Zeiß-Platz 15", "07743", "Jena", "thueringen")
DRESDEN = (
    "Internationales Congress Center Dresden",
    "Ostra-Ufer 2",
    "01067",
    "Dresden",
    "sachsen",
)
MAGDEBURG = (
    "Zentrum für Technologietransfer",
    "Sandtorstraße 23",
    "39106",
    "Magdeburg",
    "sachsen-anhalt",
)
SCHKOPAU = ("", "", "06258", "Schkopau", "sachsen-anhalt")
BRUSSELS = (
    "Committee of the Regions",
    "Rue Belliard 99–101",
    "1040",
    "Brüssel",
    "elsewhere",
)
ONLINE = ("", "", "", "", "")

ISW = "isw Gesellschaft für wissenschaftliche Beratung und Dienstleistung mbH"


@dataclass(frozen=True)
class DemoEvent:
    slug: str
    category: str
    fields: tuple[str, ...]
    offset: int  # first day, in days from the day the demo is loaded
    days: int  # number of days
    start: str | None  # "09:30", or None for an all-day event
    end: str | None
    venue: tuple[str, str, str, str, str]
    title: tuple[str, str]  # German, English
    teaser: tuple[str, str]
    description: tuple[str, str]
    organizer: str = ISW
    online_url: str = ""
    registration: bool = False
    featured: bool = False
    cancelled: bool = False


EVENTS = (
    # --- Upcoming ------------------------------------------------------------
    DemoEvent(
        "clusterforum-kunststoffrecycling",
        "clusterveranstaltung",
        ("koordination-kooperationen", "innovation"),
        9,
        1,
        "13:00",
        "17:30",
        TECHNOLOGIEPARK_HALLE,
        ("Clusterforum Kunststoffrecycling", "Cluster forum on plastics recycling"),
        (
            "Unternehmen und Institute stellen Verfahren für das werkstoffliche und chemische Recycling vor.",
            "Companies and institutes present processes for mechanical and chemical recycling.",
        ),
        (
            "Kurzvorträge aus Praxis und Forschung, danach Gespräche an Thementischen. Das Clustermanagement bringt Anbieter und Anwender zusammen.",
            "Short talks from practice and research, followed by discussions at theme tables. The cluster management brings suppliers and users together.",
        ),
        registration=True,
        featured=True,
    ),
    DemoEvent(
        "webinar-eu-foerderprogramme-kmu",
        "webinar",
        ("internationale-aktivitaeten",),
        14,
        1,
        "10:00",
        "11:30",
        ONLINE,
        (
            "Webinar: EU-Förderprogramme für KMU",
            "Webinar: EU funding programmes for SMEs",
        ),
        (
            "Wie kleine und mittlere Unternehmen sich an EU-Kooperationsprojekten beteiligen.",
            "How small and medium-sized enterprises take part in EU cooperation projects.",
        ),
        (
            "Überblick über aktuelle Ausschreibungen, Tipps zur Antragstellung und Fragen der Teilnehmenden.",
            "An overview of current calls, tips for applications and questions from participants.",
        ),
        online_url="https://meet.example.org/eu-foerderung",
        registration=True,
    ),
    DemoEvent(
        "workshop-roadmap-biobasierte-polymere",
        "workshop",
        ("innovation", "strategiebildung"),
        21,
        1,
        "09:30",
        "16:00",
        MERSEBURG,
        (
            "Roadmap-Workshop biobasierte Polymere",
            "Roadmap workshop on bio-based polymers",
        ),
        (
            "Wo Unternehmen und Wissenschaft den größten Innovationsbedarf sehen.",
            "Where companies and researchers see the greatest need for innovation.",
        ),
        (
            "Der Workshop setzt den Roadmap-Prozess des Clusters fort: Bedarfe sammeln, gewichten und Projektideen ableiten.",
            "The workshop continues the cluster's roadmap process: collecting needs, weighing them and deriving project ideas.",
        ),
        organizer="Beispiel Polymerwerk Saalekreis GmbH",
        registration=True,
    ),
    DemoEvent(
        "branchentreff-chemielogistik",
        "branchentreffen",
        ("koordination-kooperationen",),
        27,
        1,
        "17:00",
        "21:00",
        BITTERFELD,
        ("Branchentreff Chemielogistik", "Chemical logistics industry meeting"),
        (
            "Abendtreffen für Logistiker, Standortbetreiber und Verlader der Region.",
            "An evening meeting for logistics companies, site operators and shippers of the region.",
        ),
        (
            "Impulsvortrag zur Schiene im Chemieverkehr, danach Austausch bei einem Imbiss.",
            "Keynote on rail in chemical transport, followed by conversations over a snack.",
        ),
        organizer="Beispiel Chemielogistik Halle GmbH",
    ),
    DemoEvent(
        "fachmesse-kunststoffverarbeitung-leipzig",
        "messe",
        ("oeffentlichkeitsarbeit",),
        34,
        3,
        "09:00",
        "17:00",
        MESSE_LEIPZIG,
        (
            "Fachmesse Kunststoffverarbeitung Mitteldeutschland",
            "Central German plastics processing fair",
        ),
        (
            "Das Cluster präsentiert sich mit einem Gemeinschaftsstand seiner Mitglieder.",
            "The cluster presents itself with a joint stand of its members.",
        ),
        (
            "Drei Messetage mit Ausstellern aus Spritzguss, Extrusion und Werkzeugbau. Besuchen Sie den Gemeinschaftsstand des Clusters in Halle 2.",
            "Three days with exhibitors from injection moulding, extrusion and tool making. Visit the cluster's joint stand in hall 2.",
        ),
        featured=True,
    ),
    DemoEvent(
        "tag-der-offenen-tuer-chemiepark",
        "clusterveranstaltung",
        ("oeffentlichkeitsarbeit",),
        41,
        1,
        None,
        None,
        CHEMIEPARK_LEUNA,
        ("Tag der offenen Tür am Chemiestandort", "Open day at the chemical site"),
        (
            "Ein Tag für Familien, Schulklassen und Nachbarn: Führungen, Vorführungen, Berufsinformation.",
            "A day for families, school classes and neighbours: tours, demonstrations, career information.",
        ),
        (
            "Werksführungen mit dem Bus, Experimente zum Mitmachen und Informationen über Ausbildung in der Chemie.",
            "Bus tours of the site, hands-on experiments and information on training in the chemical industry.",
        ),
        organizer="InfraLeuna GmbH",
    ),
    DemoEvent(
        "tagung-wasserstoff-chemieindustrie",
        "tagung",
        ("strategiebildung", "innovation"),
        48,
        2,
        "10:00",
        "15:00",
        DRESDEN,
        (
            "Fachtagung Wasserstoff in der Chemieindustrie",
            "Conference on hydrogen in the chemical industry",
        ),
        (
            "Zwei Tage zu Erzeugung, Transport und Nutzung von grünem Wasserstoff an Chemiestandorten.",
            "Two days on producing, transporting and using green hydrogen at chemical sites.",
        ),
        (
            "Mit Beiträgen aus Industrie, Netzbetrieb und Forschung sowie einer Podiumsdiskussion am ersten Abend.",
            "With contributions from industry, grid operators and research, and a panel discussion on the first evening.",
        ),
        registration=True,
    ),
    DemoEvent(
        "workshop-kreislaufwirtschaft-verpackung",
        "workshop",
        ("innovation",),
        55,
        1,
        "09:00",
        "13:00",
        JENA,
        ("Workshop Kreislauffähige Verpackungen", "Workshop on circular packaging"),
        (
            "Design for Recycling in der Praxis: Materialwahl, Etiketten, Mehrschichtfolien.",
            "Design for recycling in practice: choice of materials, labels, multilayer films.",
        ),
        (
            "Praxisnaher Workshop mit Beispielen aus der Folienherstellung.",
            "A practical workshop with examples from film production.",
        ),
        organizer="Exempel Folien Zeitz GmbH",
        cancelled=True,
    ),
    DemoEvent(
        "webinar-energiekosten-chemie",
        "webinar",
        ("strategiebildung",),
        62,
        1,
        "14:00",
        "15:00",
        ONLINE,
        (
            "Webinar: Energiekosten senken in der Chemie",
            "Webinar: Cutting energy costs in chemistry",
        ),
        (
            "Stromverträge, Eigenerzeugung, Förderung: was mittelständische Betriebe jetzt tun können.",
            "Power contracts, own generation, funding: what medium-sized plants can do now.",
        ),
        (
            "Eine Stunde mit zwei Impulsen und Zeit für Fragen.",
            "One hour with two short talks and time for questions.",
        ),
        online_url="https://meet.example.org/energiekosten",
    ),
    DemoEvent(
        "k-messe-duesseldorf-gemeinschaftsstand",
        "messe",
        ("oeffentlichkeitsarbeit", "internationale-aktivitaeten"),
        70,
        8,
        "10:00",
        "18:00",
        MESSE_DUESSELDORF,
        (
            "Kunststoffmesse Düsseldorf: Gemeinschaftsstand Mitteldeutschland",
            "Plastics fair Düsseldorf: Central Germany joint stand",
        ),
        (
            "Acht Messetage, ein Stand: Unternehmen des Clusters stellen gemeinsam aus.",
            "Eight days, one stand: cluster companies exhibit together.",
        ),
        (
            "Der Gemeinschaftsstand bietet kleinen Unternehmen eine günstige Präsenz auf der internationalen Leitmesse.",
            "The joint stand gives small companies an affordable presence at the leading international fair.",
        ),
        registration=True,
        featured=True,
    ),
    DemoEvent(
        "innovationspreis-preisverleihung",
        "clusterveranstaltung",
        ("innovation", "oeffentlichkeitsarbeit"),
        83,
        1,
        "18:00",
        "22:00",
        TECHNOLOGIEPARK_HALLE,
        (
            "Verleihung des IQ-Cluster-Innovationspreises",
            "IQ Cluster Innovation Prize award ceremony",
        ),
        (
            "Der Cluster zeichnet innovative Ideen aus der Chemie- und Kunststoffregion aus.",
            "The cluster honours innovative ideas from the chemical and plastics region.",
        ),
        (
            "Vorstellung der nominierten Projekte, Preisverleihung und Empfang.",
            "Presentation of the nominated projects, award ceremony and reception.",
        ),
    ),
    DemoEvent(
        "tagung-ecrn-chemieregionen",
        "tagung",
        ("internationale-aktivitaeten",),
        97,
        2,
        "09:00",
        "16:30",
        BRUSSELS,
        (
            "Jahrestagung der europäischen Chemieregionen",
            "Annual conference of the European chemical regions",
        ),
        (
            "Das Cluster vertritt Mitteldeutschland im Europäischen Netzwerk der Chemieregionen.",
            "The cluster represents Central Germany in the European Chemical Regions Network.",
        ),
        (
            "Themen sind Energiepreise, Rohstoffwandel und die Zukunft der Chemiestandorte in Europa.",
            "Topics are energy prices, the change of feedstocks and the future of chemical sites in Europe.",
        ),
    ),
    DemoEvent(
        "branchentreffen-chemie-thueringen",
        "branchentreffen",
        ("koordination-kooperationen",),
        110,
        1,
        "16:00",
        "20:00",
        MESSE_ERFURT,
        ("Branchentreffen Chemie Thüringen", "Chemical industry meeting Thuringia"),
        (
            "Unternehmen aus Thüringen und Sachsen-Anhalt lernen sich kennen.",
            "Companies from Thuringia and Saxony-Anhalt get to know each other.",
        ),
        (
            "Kurzvorstellungen der Unternehmen, Speed-Networking und Abendessen.",
            "Short company presentations, speed networking and dinner.",
        ),
        organizer="Industrie e.V., Landesverband Nordost",
    ),
    DemoEvent(
        "workshop-digitalisierung-spritzguss",
        "workshop",
        ("innovation",),
        124,
        1,
        "09:00",
        "16:00",
        MAGDEBURG,
        (
            "Workshop Digitalisierung im Spritzguss",
            "Workshop on digitalisation in injection moulding",
        ),
        (
            "Prozessdaten nutzen, Ausschuss senken: Beispiele aus mittelständischen Betrieben.",
            "Using process data to cut scrap: examples from medium-sized plants.",
        ),
        (
            "Mit Vorführungen an einer Spritzgießmaschine im Technikum.",
            "With demonstrations at an injection moulding machine in the pilot plant.",
        ),
        organizer="Demo Spritzguss Dessau GmbH",
    ),
    DemoEvent(
        "messe-chemie-sachsen-anhalt",
        "messe",
        ("oeffentlichkeitsarbeit",),
        138,
        2,
        "09:00",
        "17:00",
        MESSE_LEIPZIG,
        ("Zuliefermesse Chemie & Kunststoff", "Chemical and plastics suppliers' fair"),
        (
            "Zwei Messetage für Zulieferer, Dienstleister und Anlagenbauer der Region.",
            "Two days for suppliers, service providers and plant engineers of the region.",
        ),
        (
            "Das Cluster lädt zu einem Rundgang über die Messe am ersten Tag ein.",
            "The cluster invites you on a guided tour of the fair on the first day.",
        ),
    ),
    DemoEvent(
        "webinar-chemlog-osteuropa",
        "webinar",
        ("internationale-aktivitaeten",),
        152,
        1,
        "11:00",
        "12:00",
        ONLINE,
        (
            "Webinar: Stoffverbund mit Mittel- und Osteuropa",
            "Webinar: Chemical supply links with Central and Eastern Europe",
        ),
        (
            "Erfahrungen aus der ChemLog-Initiative für Unternehmen, die Partner im Osten suchen.",
            "Lessons from the ChemLog initiative for companies looking for partners in the east.",
        ),
        (
            "Mit Berichten von zwei Unternehmen und Hinweisen auf Förderangebote.",
            "With reports from two companies and pointers to funding.",
        ),
        online_url="https://meet.example.org/chemlog",
    ),
    DemoEvent(
        "clusterkonferenz-jahrestreffen",
        "clusterveranstaltung",
        ("strategiebildung", "koordination-kooperationen"),
        166,
        1,
        "10:00",
        "17:00",
        TECHNOLOGIEPARK_HALLE,
        ("Jahrestreffen des Clusters", "Annual cluster meeting"),
        (
            "Rückblick, Strategie und Ausblick: das Jahrestreffen aller Akteure im Cluster.",
            "Review, strategy and outlook: the annual meeting of all actors in the cluster.",
        ),
        (
            "Die Clustersprecher berichten, die Arbeitsgruppen stellen ihre Ergebnisse vor. Vor Ort und im Livestream.",
            "The cluster speakers report and the working groups present their results. On site and streamed live.",
        ),
        online_url="https://meet.example.org/jahrestreffen",
        registration=True,
        featured=True,
    ),
    DemoEvent(
        "tagung-kunststoffe-im-automobilbau",
        "tagung",
        ("innovation",),
        180,
        2,
        "09:30",
        "17:00",
        JENA,
        (
            "Fachtagung Kunststoffe im Fahrzeugbau",
            "Conference on plastics in vehicle construction",
        ),
        (
            "Leichtbau, Recyclingfähigkeit und neue Werkstoffe für Fahrzeuge.",
            "Lightweight design, recyclability and new materials for vehicles.",
        ),
        (
            "Vorträge von Zulieferern und Forschungseinrichtungen, Ausstellung im Foyer.",
            "Talks by suppliers and research institutes, exhibition in the foyer.",
        ),
        organizer="Gesamtverband Kunststoffverarbeitende Industrie e. V.",
    ),
    # --- Past ------------------------------------------------------------------
    DemoEvent(
        "workshop-foerdermittel-innovation",
        "workshop",
        ("innovation",),
        -12,
        1,
        "09:00",
        "12:30",
        MAGDEBURG,
        (
            "Workshop Fördermittel für Innovationsprojekte",
            "Workshop on funding for innovation projects",
        ),
        (
            "Welche Programme von Land, Bund und EU zu welchem Vorhaben passen.",
            "Which state, federal and EU programmes fit which project.",
        ),
        (
            "Mit Sprechstunden für einzelne Projektideen im Anschluss.",
            "With consultation slots for individual project ideas afterwards.",
        ),
        organizer="Exempel Katalysatoren Magdeburg GmbH",
    ),
    DemoEvent(
        "branchentreffen-chemiepark-bitterfeld",
        "branchentreffen",
        ("koordination-kooperationen",),
        -30,
        1,
        "17:30",
        "21:00",
        BITTERFELD,
        (
            "Branchentreffen am Chemiepark Bitterfeld-Wolfen",
            "Industry meeting at the Bitterfeld-Wolfen chemical park",
        ),
        (
            "Standortunternehmen und Nachbarn im Gespräch.",
            "Site companies and neighbours in conversation.",
        ),
        (
            "Themen waren Fachkräfte, Infrastruktur und gemeinsame Einkaufsprojekte.",
            "Topics were skilled staff, infrastructure and joint purchasing.",
        ),
        organizer="Muster Kunststofftechnik Bitterfeld GmbH",
    ),
    DemoEvent(
        "webinar-reach-update",
        "webinar",
        ("strategiebildung",),
        -45,
        1,
        "10:00",
        "11:00",
        ONLINE,
        ("Webinar: Neues aus REACH", "Webinar: REACH update"),
        (
            "Was die aktuellen Änderungen der Chemikalienverordnung für Hersteller und Anwender bedeuten.",
            "What the current changes to the chemicals regulation mean for manufacturers and users.",
        ),
        (
            "Ein kompakter Überblick mit Checkliste zum Herunterladen.",
            "A compact overview with a checklist to download.",
        ),
        online_url="https://meet.example.org/reach",
    ),
    DemoEvent(
        "messe-polymertage-erfurt",
        "messe",
        ("oeffentlichkeitsarbeit",),
        -75,
        3,
        "09:00",
        "17:00",
        MESSE_ERFURT,
        ("Polymertage Erfurt", "Erfurt polymer days"),
        (
            "Regionale Fachmesse für Kunststofftechnik mit Gemeinschaftsstand des Clusters.",
            "Regional trade fair for plastics technology with a joint stand of the cluster.",
        ),
        (
            "Drei Messetage mit Fachforum und Nachwuchstag.",
            "Three days with a specialist forum and a young talent day.",
        ),
    ),
    DemoEvent(
        "tagung-chemiestandorte-zukunft",
        "tagung",
        ("strategiebildung",),
        -120,
        2,
        "10:00",
        "16:00",
        MERSEBURG,
        (
            "Tagung Zukunft der Chemiestandorte",
            "Conference on the future of chemical sites",
        ),
        (
            "Wie die Standorte Mitteldeutschlands Energie- und Rohstoffwandel meistern.",
            "How the sites of Central Germany master the change in energy and feedstocks.",
        ),
        (
            "Mit Beiträgen der Standortbetreiber und der Landesregierungen.",
            "With contributions from site operators and the state governments.",
        ),
        organizer="Dow Olefinverbund GmbH",
    ),
    DemoEvent(
        "clusterveranstaltung-sommerempfang",
        "clusterveranstaltung",
        ("koordination-kooperationen", "oeffentlichkeitsarbeit"),
        -160,
        1,
        "18:00",
        "23:00",
        CHEMIEPARK_LEUNA,
        ("Sommerempfang des Clusters", "Cluster summer reception"),
        (
            "Der Cluster dankt seinen Partnern mit einem Abend am Chemiestandort.",
            "The cluster thanks its partners with an evening at the chemical site.",
        ),
        (
            "Grußworte, Musik und Gespräche unter freiem Himmel.",
            "Welcome addresses, music and conversations in the open air.",
        ),
        organizer="InfraLeuna GmbH",
    ),
    DemoEvent(
        "workshop-compoundierung",
        "workshop",
        ("innovation",),
        -210,
        1,
        "09:00",
        "15:00",
        (
            "Technikum der Probe Compoundiertechnik",
            "Am Werk 4",
            "06258",
            "Schkopau",
            "sachsen-anhalt",
        ),
        ("Praxisworkshop Compoundierung", "Hands-on workshop on compounding"),
        (
            "Rezyklate in Compounds: Qualität sichern, Eigenschaften einstellen.",
            "Recyclates in compounds: securing quality, adjusting properties.",
        ),
        (
            "Im Technikum eines Mitgliedsunternehmens, mit Versuchen am Extruder.",
            "In the pilot plant of a member company, with trials on the extruder.",
        ),
        organizer="Probe Compoundiertechnik Schkopau GmbH",
    ),
    DemoEvent(
        "messe-chemspec-gemeinschaftsstand",
        "messe",
        ("internationale-aktivitaeten", "oeffentlichkeitsarbeit"),
        -300,
        2,
        "09:00",
        "17:00",
        MESSE_DUESSELDORF,
        (
            "Gemeinschaftsstand auf der Fachmesse Feinchemie",
            "Joint stand at the fine chemicals fair",
        ),
        (
            "Spezialchemie aus Mitteldeutschland für internationale Einkäufer.",
            "Speciality chemicals from Central Germany for international buyers.",
        ),
        (
            "Zwei Messetage mit sechs Ausstellern aus dem Cluster.",
            "Two days with six exhibitors from the cluster.",
        ),
        organizer="Demo Spezialchemie Leuna GmbH",
    ),
    DemoEvent(
        "tagung-nachwuchs-chemie",
        "tagung",
        ("koordination-kooperationen",),
        -380,
        1,
        "09:00",
        "15:30",
        JENA,
        (
            "Nachwuchstagung Chemie und Kunststoffe",
            "Young talent conference chemistry and plastics",
        ),
        (
            "Studierende und Auszubildende treffen Unternehmen der Region.",
            "Students and trainees meet companies of the region.",
        ),
        (
            "Mit Vorträgen, Firmenmesse und Bewerbungsmappen-Check.",
            "With talks, a company fair and application checks.",
        ),
    ),
    DemoEvent(
        "branchentreffen-kunststoff-sachsen",
        "branchentreffen",
        ("koordination-kooperationen",),
        -400,
        1,
        "16:00",
        "20:30",
        DRESDEN,
        ("Branchentreffen Kunststoff Sachsen", "Plastics industry meeting Saxony"),
        (
            "Kunststoffverarbeiter aus Sachsen und Sachsen-Anhalt tauschen sich über Fachkräfte und Rohstoffpreise aus.",
            "Plastics processors from Saxony and Saxony-Anhalt discuss skilled staff and raw material prices.",
        ),
        (
            "Zwei Impulsvorträge, danach offene Runde.",
            "Two short talks, then an open discussion.",
        ),
        organizer="Gesamtverband Kunststoffverarbeitende Industrie e. V.",
    ),
    DemoEvent(
        "webinar-kreislaufwirtschaft-grundlagen",
        "webinar",
        ("innovation",),
        -420,
        1,
        "14:00",
        "15:30",
        ONLINE,
        (
            "Webinar: Grundlagen der Kreislaufwirtschaft",
            "Webinar: Basics of the circular economy",
        ),
        (
            "Begriffe, Rechtsrahmen und erste Schritte für Kunststoffverarbeiter.",
            "Terms, legal framework and first steps for plastics processors.",
        ),
        (
            "Die Aufzeichnung steht Mitgliedern zur Verfügung.",
            "The recording is available to members.",
        ),
        online_url="https://meet.example.org/kreislauf",
    ),
)


# The one real event the brochure names. It gives the year and place only;
# the day is the editors' to correct (see the README).
SCHKOPAU_2007 = {
    "slug": "erstes-bundesweites-treffen-clusterinitiativen-chemie-kunststoffe-2007",
    "category": "clusterveranstaltung",
    "fields": ("koordination-kooperationen",),
    "date": (2007, 11, 15),
    "venue": SCHKOPAU,
    "title": (
        "Erstes bundesweites Treffen von Clusterinitiativen der Branchen Chemie und Kunststoffe",
        "First nationwide meeting of chemistry and plastics cluster initiatives",
    ),
    "teaser": (
        "Auf Einladung des Clusters Chemie/Kunststoffe Mitteldeutschland trafen sich 2007 in Schkopau erstmals Clusterinitiativen der Branchen Chemie und Kunststoffe aus ganz Deutschland.",
        "In 2007, at the invitation of the Chemistry/Plastics Cluster Central Germany, cluster initiatives of the chemical and plastics industries from all over Germany met for the first time, in Schkopau.",
    ),
}
