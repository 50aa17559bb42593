"""Demo CKnews issues and news items: fictional, but on the cluster's themes.

Companies and projects named here are invented; every issue says so in its
editorial, every news item at the end of its text.
"""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class DemoArticle:
    title_de: str
    title_en: str
    body_de: str
    body_en: str


@dataclass(frozen=True)
class DemoIssue:
    number: int
    year: int
    quarter: int
    published_on: date
    theme_de: str
    theme_en: str
    editorial_de: str
    editorial_en: str
    articles: tuple[DemoArticle, ...] = field(default=())


@dataclass(frozen=True)
class DemoNews:
    date: date
    title_de: str
    title_en: str
    teaser_de: str
    teaser_en: str
    body_de: str = ""
    body_en: str = ""
    issue_number: int | None = None


FICTION_DE = (
    "Diese Ausgabe ist ein fiktives Beispiel aus den Demo-Inhalten des Portals; "
    "die genannten Unternehmen und Projekte sind erfunden."
)
FICTION_EN = (
    "This issue is a fictional example from the portal's demo content; the "
    "companies and projects it names are invented."
)
NEWS_FICTION_DE = "<p><em>Fiktive Beispielmeldung aus den Demo-Inhalten.</em></p>"
NEWS_FICTION_EN = "<p><em>Fictional example item from the demo content.</em></p>"

ISSUES = (
    DemoIssue(
        number=1,
        year=2025,
        quarter=1,
        published_on=date(2025, 3, 20),
        theme_de="Kunststoffe im Kreislauf",
        theme_en="Plastics in the loop",
        editorial_de=(
            "Liebe Leserinnen und Leser,\n\n"
            "Kunststoffe sind zu wertvoll, um nach einmaligem Gebrauch verbrannt zu "
            "werden. In dieser Ausgabe zeigen wir, wie Unternehmen und Institute in "
            "Mitteldeutschland das Recycling voranbringen – vom Sortieren bis zum "
            "chemischen Recycling.\n\n" + FICTION_DE
        ),
        editorial_en=(
            "Dear readers,\n\n"
            "Plastics are too valuable to be burnt after a single use. In this issue "
            "we show how companies and institutes in Central Germany advance "
            "recycling, from sorting to chemical recycling.\n\n" + FICTION_EN
        ),
        articles=(
            DemoArticle(
                "Sortieren mit Licht",
                "Sorting with light",
                "<p>Die (fiktive) Saalepolymer GmbH erprobt in Schkopau eine "
                "Sortieranlage, die Verpackungsabfälle per Nahinfrarot-Spektroskopie "
                "nach Kunststoffart trennt. Ziel ist ein Rezyklat, das sich wieder "
                "für Lebensmittelverpackungen eignet.</p>",
                "<p>The (fictional) Saalepolymer GmbH is testing a sorting line in "
                "Schkopau that separates packaging waste by type of plastic using "
                "near-infrared spectroscopy. The aim is a recyclate fit for food "
                "packaging again.</p>",
            ),
            DemoArticle(
                "Chemisches Recycling: Was geht, was fehlt",
                "Chemical recycling: what works, what is missing",
                "<p>Beim Branchentreffen im Februar diskutierten Fachleute aus "
                "Industrie und Forschung, wo die Pyrolyse gemischter Kunststoffe "
                "heute steht.</p><ul><li>Pilotanlagen laufen stabil.</li><li>Es "
                "fehlen verlässliche Mengen sortierter Abfälle.</li></ul>",
                "<p>At the industry meeting in February, experts from industry and "
                "research discussed where the pyrolysis of mixed plastics stands "
                "today.</p><ul><li>Pilot plants run reliably.</li><li>Reliable "
                "volumes of sorted waste are missing.</li></ul>",
            ),
        ),
    ),
    DemoIssue(
        number=2,
        year=2025,
        quarter=2,
        published_on=date(2025, 6, 19),
        theme_de="Wasserstoff für die Chemieregion",
        theme_en="Hydrogen for the chemical region",
        editorial_de=(
            "Liebe Leserinnen und Leser,\n\n"
            "Mitteldeutschland hat, was eine Wasserstoffwirtschaft braucht: "
            "Pipelines, Speicher in Salzkavernen und Abnehmer in den Chemieparks. "
            "Diese Ausgabe fragt, wie aus Plänen Anlagen werden.\n\n" + FICTION_DE
        ),
        editorial_en=(
            "Dear readers,\n\n"
            "Central Germany has what a hydrogen economy needs: pipelines, storage "
            "in salt caverns and customers in the chemical parks. This issue asks "
            "how plans become plants.\n\n" + FICTION_EN
        ),
        articles=(
            DemoArticle(
                "Grüner Wasserstoff im Chemiepark",
                "Green hydrogen in the chemical park",
                "<p>Ein (fiktiver) Elektrolyseur mit 30 Megawatt soll ab 2027 "
                "Wasserstoff für die Methanolsynthese liefern. Der Strom kommt aus "
                "Wind- und Solarparks der Region.</p>",
                "<p>A (fictional) 30-megawatt electrolyser is to supply hydrogen for "
                "methanol synthesis from 2027. The electricity comes from the "
                "region's wind and solar parks.</p>",
            ),
            DemoArticle(
                "Fachkräfte für die Elektrolyse",
                "Skilled staff for electrolysis",
                "<p>Berufsschulen und Unternehmen entwickeln gemeinsam ein "
                "Zusatzmodul für Chemikantinnen und Chemikanten.</p>",
                "<p>Vocational schools and companies are developing an additional "
                "module for chemical operators together.</p>",
            ),
        ),
    ),
    DemoIssue(
        number=3,
        year=2025,
        quarter=3,
        published_on=date(2025, 9, 18),
        theme_de="Fachkräfte gewinnen und halten",
        theme_en="Attracting and keeping skilled staff",
        editorial_de=(
            "Liebe Leserinnen und Leser,\n\n"
            "In den nächsten zehn Jahren geht ein Drittel der Beschäftigten in den "
            "Ruhestand. Wir stellen Wege vor, wie kleine und große Betriebe "
            "Nachwuchs finden und Erfahrung weitergeben.\n\n" + FICTION_DE
        ),
        editorial_en=(
            "Dear readers,\n\n"
            "In the next ten years a third of the workforce will retire. We present "
            "ways in which small and large firms find young talent and pass on "
            "experience.\n\n" + FICTION_EN
        ),
        articles=(
            DemoArticle(
                "Ausbildung im Verbund",
                "Joint apprenticeships",
                "<p>Drei (fiktive) mittelständische Kunststoffverarbeiter bilden "
                "gemeinsam aus: Die Auszubildenden lernen in allen drei Betrieben.</p>",
                "<p>Three (fictional) medium-sized plastics processors train "
                "apprentices together: the trainees learn in all three firms.</p>",
            ),
            DemoArticle(
                "Wissen sichern, bevor es geht",
                "Securing knowledge before it leaves",
                "<p>Tandems aus erfahrenen und jungen Beschäftigten dokumentieren "
                "das Anlagenwissen, das in keinem Handbuch steht.</p>",
                "<p>Pairs of experienced and young employees document the plant "
                "knowledge that no manual contains.</p>",
            ),
        ),
    ),
    DemoIssue(
        number=4,
        year=2025,
        quarter=4,
        published_on=date(2025, 12, 11),
        theme_de="Digitalisierung in der Prozessindustrie",
        theme_en="Digitalisation in the process industry",
        editorial_de=(
            "Liebe Leserinnen und Leser,\n\n"
            "Sensoren, Datenplattformen und KI verändern, wie Anlagen gefahren und "
            "gewartet werden. Diese Ausgabe zeigt Beispiele aus dem Betriebsalltag."
            "\n\n" + FICTION_DE
        ),
        editorial_en=(
            "Dear readers,\n\n"
            "Sensors, data platforms and AI change how plants are run and "
            "maintained. This issue shows examples from everyday operations.\n\n"
            + FICTION_EN
        ),
        articles=(
            DemoArticle(
                "Vorausschauende Wartung im Extruder",
                "Predictive maintenance in the extruder",
                "<p>Schwingungsdaten kündigen Lagerschäden Wochen vorher an – so "
                "die Erfahrung eines (fiktiven) Folienherstellers aus Bitterfeld.</p>",
                "<p>Vibration data announce bearing damage weeks in advance, as a "
                "(fictional) film manufacturer from Bitterfeld has found.</p>",
            ),
            DemoArticle(
                "Daten teilen im Chemiepark",
                "Sharing data in the chemical park",
                "<p>Wie Standortbetreiber und Unternehmen Energiedaten austauschen, "
                "ohne Betriebsgeheimnisse preiszugeben.</p>",
                "<p>How site operators and companies exchange energy data without "
                "giving away trade secrets.</p>",
            ),
        ),
    ),
    DemoIssue(
        number=5,
        year=2026,
        quarter=1,
        published_on=date(2026, 3, 19),
        theme_de="Biobasierte Werkstoffe",
        theme_en="Bio-based materials",
        editorial_de=(
            "Liebe Leserinnen und Leser,\n\n"
            "Holz, Stroh und Reststoffe der Lebensmittelindustrie werden zu "
            "Rohstoffen für Chemie und Kunststoffe. Wir zeigen, was im Labor "
            "gelingt und was schon in Serie geht.\n\n" + FICTION_DE
        ),
        editorial_en=(
            "Dear readers,\n\n"
            "Wood, straw and residues of the food industry become raw materials for "
            "chemistry and plastics. We show what succeeds in the laboratory and "
            "what is already in series production.\n\n" + FICTION_EN
        ),
        articles=(
            DemoArticle(
                "Lignin statt Erdöl",
                "Lignin instead of oil",
                "<p>Ein (fiktives) Forschungsprojekt gewinnt aus Lignin Bausteine "
                "für Klebstoffe und Harze.</p>",
                "<p>A (fictional) research project obtains building blocks for "
                "adhesives and resins from lignin.</p>",
            ),
            DemoArticle(
                "Biokunststoff im Spritzguss",
                "Bioplastics in injection moulding",
                "<p>Worauf Verarbeiter achten müssen, wenn sie auf biobasierte "
                "Granulate umstellen: Trocknung, Temperatur, Zykluszeit.</p>",
                "<p>What processors must watch when they switch to bio-based "
                "granulates: drying, temperature, cycle time.</p>",
            ),
        ),
    ),
)


def _news(day, title_de, title_en, teaser_de, teaser_en, issue_number=None):
    return DemoNews(
        date=day,
        title_de=title_de,
        title_en=title_en,
        teaser_de=teaser_de,
        teaser_en=teaser_en,
        body_de=f"<p>{teaser_de}</p>{NEWS_FICTION_DE}",
        body_en=f"<p>{teaser_en}</p>{NEWS_FICTION_EN}",
        issue_number=issue_number,
    )


NEWS = (
    _news(
        date(2026, 3, 19),
        "CKnews 5 ist erschienen: Biobasierte Werkstoffe",
        "CKnews 5 is out: bio-based materials",
        "Die neue Ausgabe zeigt, wie aus Holz, Stroh und Reststoffen Rohstoffe für "
        "Chemie und Kunststoffe werden.",
        "The new issue shows how wood, straw and residues become raw materials for "
        "chemistry and plastics.",
        issue_number=5,
    ),
    _news(
        date(2026, 3, 10),
        "Neue Recyclinganlage in Schkopau in Betrieb",
        "New recycling plant in Schkopau starts operation",
        "Die fiktive Saalepolymer GmbH hat ihre Sortieranlage für "
        "Verpackungsabfälle in Betrieb genommen.",
        "The fictional Saalepolymer GmbH has started up its sorting plant for "
        "packaging waste.",
    ),
    _news(
        date(2026, 3, 2),
        "Anmeldung zum Innovationspreis eröffnet",
        "Entries open for the innovation prize",
        "Bis Ende Mai können Unternehmen und Institute ihre Projekte für den "
        "Innovationspreis des Clusters einreichen.",
        "Until the end of May, companies and institutes can enter their projects "
        "for the cluster's innovation prize.",
    ),
    _news(
        date(2026, 2, 24),
        "Workshop: Wasserstoff in der Praxis",
        "Workshop: hydrogen in practice",
        "Im April treffen sich Anlagenbetreiber und Zulieferer in Leuna zum "
        "Erfahrungsaustausch über Elektrolyseure.",
        "In April, plant operators and suppliers meet in Leuna to exchange "
        "experience with electrolysers.",
    ),
    _news(
        date(2026, 2, 12),
        "Ausbildungsverbund wächst auf fünf Betriebe",
        "Joint apprenticeship scheme grows to five firms",
        "Zwei weitere Kunststoffverarbeiter schließen sich dem fiktiven "
        "Ausbildungsverbund an.",
        "Two more plastics processors join the fictional joint apprenticeship scheme.",
        issue_number=3,
    ),
    _news(
        date(2026, 1, 29),
        "Cluster auf der Fachmesse in Düsseldorf",
        "The cluster at the trade fair in Düsseldorf",
        "Am Gemeinschaftsstand präsentieren sich zwölf Unternehmen aus "
        "Mitteldeutschland.",
        "Twelve companies from Central Germany present themselves at the joint stand.",
    ),
    _news(
        date(2026, 1, 15),
        "Neue Studie zu Energiekosten der Chemieparks",
        "New study on the energy costs of chemical parks",
        "Eine fiktive Studie vergleicht die Energiekosten der mitteldeutschen "
        "Standorte mit anderen europäischen Regionen.",
        "A fictional study compares the energy costs of the Central German sites "
        "with other European regions.",
    ),
    _news(
        date(2025, 12, 11),
        "CKnews 4: Digitalisierung in der Prozessindustrie",
        "CKnews 4: digitalisation in the process industry",
        "Sensoren, Datenplattformen und KI im Betriebsalltag: die neue Ausgabe ist da.",
        "Sensors, data platforms and AI in everyday operations: the new issue is out.",
        issue_number=4,
    ),
    _news(
        date(2025, 12, 1),
        "Rückblick auf das Branchentreffen 2025",
        "Looking back on the industry meeting 2025",
        "Mehr als 200 Gäste diskutierten in Halle über Kreislaufwirtschaft und "
        "Fachkräfte.",
        "More than 200 guests discussed the circular economy and skilled staff in "
        "Halle.",
    ),
    _news(
        date(2025, 11, 18),
        "Förderaufruf für Kooperationsprojekte",
        "Call for cooperative projects",
        "Kleine und mittlere Unternehmen können sich bis Februar um Förderung für "
        "gemeinsame Entwicklungsprojekte bewerben.",
        "Small and medium-sized enterprises can apply for funding for joint "
        "development projects until February.",
    ),
    _news(
        date(2025, 11, 4),
        "Webinar: Rezyklate in technischen Bauteilen",
        "Webinar: recyclates in technical parts",
        "Fachleute erklären, wann Rezyklate die Anforderungen an technische "
        "Kunststoffteile erfüllen.",
        "Experts explain when recyclates meet the requirements of technical "
        "plastic parts.",
    ),
    _news(
        date(2025, 10, 21),
        "Neue Mitglieder im Cluster",
        "New members in the cluster",
        "Drei Unternehmen und ein Forschungsinstitut sind dem Cluster in diesem "
        "Quartal beigetreten.",
        "Three companies and a research institute joined the cluster this quarter.",
    ),
    _news(
        date(2025, 10, 7),
        "Tag der offenen Tür im Chemiepark",
        "Open day at the chemical park",
        "Rund 3.000 Besucherinnen und Besucher informierten sich über Berufe in "
        "der Chemie.",
        "Some 3,000 visitors found out about careers in chemistry.",
    ),
    _news(
        date(2025, 9, 18),
        "CKnews 3: Fachkräfte gewinnen und halten",
        "CKnews 3: attracting and keeping skilled staff",
        "Wie kleine und große Betriebe Nachwuchs finden und Erfahrung weitergeben.",
        "How small and large firms find young talent and pass on experience.",
        issue_number=3,
    ),
    _news(
        date(2025, 9, 2),
        "Ausbildungsstart: 400 neue Azubis in der Region",
        "Start of training: 400 new apprentices in the region",
        "Zum 1. September haben in der Chemie- und Kunststoffbranche "
        "Mitteldeutschlands rund 400 junge Menschen ihre Ausbildung begonnen.",
        "On 1 September, some 400 young people began their apprenticeship in the "
        "chemical and plastics industry of Central Germany.",
    ),
    _news(
        date(2025, 7, 15),
        "Forschungsverbund für biobasierte Klebstoffe",
        "Research alliance for bio-based adhesives",
        "Zwei Hochschulen und vier Unternehmen starten ein dreijähriges, fiktives "
        "Verbundprojekt.",
        "Two universities and four companies start a three-year, fictional joint "
        "project.",
    ),
    _news(
        date(2025, 6, 19),
        "CKnews 2: Wasserstoff für die Chemieregion",
        "CKnews 2: hydrogen for the chemical region",
        "Pipelines, Speicher, Abnehmer: wie in Mitteldeutschland aus Plänen "
        "Anlagen werden.",
        "Pipelines, storage, customers: how plans become plants in Central Germany.",
        issue_number=2,
    ),
    _news(
        date(2025, 5, 27),
        "Clustersprecher im Gespräch mit der Landesregierung",
        "Cluster speakers meet the state government",
        "Im Mittelpunkt standen Energiepreise und die Genehmigung neuer Anlagen.",
        "The talks centred on energy prices and permits for new plants.",
    ),
    _news(
        date(2025, 4, 8),
        "Innovationspreis verliehen",
        "Innovation prize awarded",
        "Ausgezeichnet wurde ein fiktives Verfahren, das Kunststoffabfälle "
        "sortenrein trennt.",
        "The prize went to a fictional process that separates plastic waste by type.",
    ),
    _news(
        date(2025, 3, 20),
        "Die erste CKnews ist da",
        "The first CKnews is out",
        "Die erste Ausgabe des neuen Newsletters widmet sich dem Kunststoffkreislauf.",
        "The first issue of the new newsletter is devoted to the plastics loop.",
        issue_number=1,
    ),
)
