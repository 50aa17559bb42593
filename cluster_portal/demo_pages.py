"""The CMS page tree that ``load_demo_content`` builds from the brochure.

Each page is identified by its ``reverse_id``; its text lives in
``demo_content/<reverse_id>.<placeholder>.<language>.html``.
"""

from dataclasses import dataclass, field
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "demo_content"


@dataclass(frozen=True)
class PageTitle:
    title: str
    slug: str
    description: str
    page_title: str = ""
    menu_title: str = ""


@dataclass(frozen=True)
class DemoPlugin:
    """A plugin placed after the page's text, in both languages."""

    slot: str
    plugin_type: str
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class DemoPage:
    reverse_id: str
    template: str
    de: PageTitle
    en: PageTitle
    in_navigation: bool = True
    placeholders: tuple[str, ...] = ("content",)
    # An app attached here, by its apphook class name; its namespace is the
    # app's URL namespace.
    apphook: str = ""
    apphook_namespace: str = ""
    plugins: tuple[DemoPlugin, ...] = ()
    is_home: bool = False
    children: tuple["DemoPage", ...] = field(default=())

    def placeholder_html(self, slot, language):
        path = CONTENT_DIR / f"{self.reverse_id}.{slot}.{language}.html"
        return path.read_text(encoding="utf-8").strip()


CONTENT = "pages/content.html"
OVERVIEW = "pages/overview.html"

PAGES = (
    DemoPage(
        reverse_id="home",
        template="pages/home.html",
        is_home=True,
        in_navigation=False,
        placeholders=("intro", "content"),
        plugins=(
            DemoPlugin("highlights", "LatestNewsPlugin", {"count": 4}),
            DemoPlugin("highlights", "NextEventsPlugin", {"count": 3}),
        ),
        de=PageTitle(
            title="Startseite",
            page_title="Zukunftscluster Chemie/Kunststoffe Mitteldeutschland",
            slug="startseite",
            description=(
                "Das Zukunftscluster Chemie/Kunststoffe Mitteldeutschland: die von "
                "der Wirtschaft initiierte, länderübergreifende Plattform der "
                "Chemie- und Kunststoffregion Mitteldeutschland."
            ),
        ),
        en=PageTitle(
            title="Home",
            page_title="Future Cluster Chemistry/Plastics Central Germany",
            slug="home",
            description=(
                "The Future Cluster Chemistry/Plastics Central Germany: the "
                "industry-led platform for cooperation across the federal states "
                "of the chemical and plastics region of Central Germany."
            ),
        ),
    ),
    DemoPage(
        reverse_id="cluster",
        template=CONTENT,
        de=PageTitle(
            title="Das Cluster",
            slug="das-cluster",
            description="Vision, Selbstverständnis und Ziele des Zukunftsclusters "
            "Chemie/Kunststoffe Mitteldeutschland.",
        ),
        en=PageTitle(
            title="The cluster",
            slug="the-cluster",
            description="Vision, mission and goals of the Future Cluster "
            "Chemistry/Plastics Central Germany.",
        ),
    ),
    DemoPage(
        reverse_id="fields-of-action",
        template=OVERVIEW,
        de=PageTitle(
            title="Handlungsfelder",
            slug="handlungsfelder",
            description="Die fünf Handlungsfelder des Clusters.",
        ),
        en=PageTitle(
            title="Fields of action",
            slug="fields-of-action",
            description="The cluster's five fields of action.",
        ),
        children=(
            DemoPage(
                reverse_id="coordination",
                template=CONTENT,
                de=PageTitle(
                    title="Koordination & Kooperationen",
                    slug="koordination-kooperationen",
                    description="Wie das Clustermanagement Akteure zusammenführt "
                    "und neue Partner einbindet.",
                ),
                en=PageTitle(
                    title="Coordination & cooperation",
                    slug="coordination-cooperation",
                    description="How the cluster management brings actors "
                    "together and involves new partners.",
                ),
            ),
            DemoPage(
                reverse_id="strategy",
                template=CONTENT,
                de=PageTitle(
                    title="Strategiebildung",
                    slug="strategiebildung",
                    description="Die Clusterstrategie, entwickelt mit den "
                    "Akteuren und in Abstimmung mit den Landesregierungen.",
                ),
                en=PageTitle(
                    title="Strategy development",
                    slug="strategy-development",
                    description="The cluster strategy, developed with the actors "
                    "and in consultation with the state governments.",
                ),
            ),
            DemoPage(
                reverse_id="innovation",
                template=CONTENT,
                de=PageTitle(
                    title="Innovation",
                    slug="innovation",
                    description="Innovationsförderung, der IQ-Cluster-"
                    "Innovationspreis und der Roadmap-Prozess.",
                ),
                en=PageTitle(
                    title="Innovation",
                    slug="innovation",
                    description="Promoting innovation, the IQ Cluster Innovation "
                    "Prize and the roadmap process.",
                ),
            ),
            DemoPage(
                reverse_id="international",
                template=CONTENT,
                de=PageTitle(
                    title="Internationale Aktivitäten",
                    slug="internationale-aktivitaeten",
                    description="ECRN, High-Level Group Chemie, ChemLog, ChemClust "
                    "und EU-Förderprogramme.",
                ),
                en=PageTitle(
                    title="International activities",
                    slug="international-activities",
                    description="ECRN, High-Level Group Chemistry, ChemLog, "
                    "ChemClust and EU funding programmes.",
                ),
            ),
            DemoPage(
                reverse_id="public-relations",
                template=OVERVIEW,
                de=PageTitle(
                    title="Öffentlichkeitsarbeit",
                    slug="oeffentlichkeitsarbeit",
                    description="Clusteratlas, CKnews, CKreihe, die Website und "
                    "die Präsenz auf Tagungen und Messen.",
                ),
                en=PageTitle(
                    title="Public relations",
                    slug="public-relations",
                    description="Cluster atlas, CKnews, CKreihe, the website and "
                    "the cluster's presence at conferences and fairs.",
                ),
                children=(
                    DemoPage(
                        reverse_id="clusteratlas",
                        template=CONTENT,
                        apphook="ClusteratlasApphook",
                        apphook_namespace="members",
                        de=PageTitle(
                            title="Clusteratlas",
                            slug="clusteratlas",
                            description="Die Akteure des Clusters: Unternehmen, "
                            "Institute, Verbände, Dienstleister und Verwaltung.",
                        ),
                        en=PageTitle(
                            title="Cluster atlas",
                            slug="cluster-atlas",
                            description="The cluster's actors: companies, "
                            "institutes, associations, service providers and "
                            "public bodies.",
                        ),
                    ),
                    DemoPage(
                        reverse_id="cknews",
                        template=CONTENT,
                        placeholders=(),
                        apphook="CKnewsApphook",
                        apphook_namespace="newsletter",
                        de=PageTitle(
                            title="CKnews",
                            slug="cknews",
                            description="CKnews, der vierteljährliche Newsletter "
                            "des Clusters: alle Ausgaben im Archiv und das Abonnement.",
                        ),
                        en=PageTitle(
                            title="CKnews",
                            slug="cknews",
                            description="CKnews, the cluster's quarterly newsletter: "
                            "every issue in the archive, and the subscription.",
                        ),
                    ),
                    DemoPage(
                        reverse_id="ckreihe",
                        template=CONTENT,
                        placeholders=(),
                        apphook="CKreiheApphook",
                        apphook_namespace="ckreihe",
                        de=PageTitle(
                            title="CKreihe",
                            slug="ckreihe",
                            description="Die CKreihe: Tagungsbände, Vorträge und "
                            "Protokolle der Veranstaltungen des Clusters, einige "
                            "nur für Mitglieder.",
                        ),
                        en=PageTitle(
                            title="CKreihe",
                            slug="ckreihe",
                            description="The CKreihe: proceedings, talks and "
                            "minutes of the cluster's events, some for members only.",
                        ),
                    ),
                ),
            ),
        ),
    ),
    DemoPage(
        reverse_id="news",
        template=CONTENT,
        placeholders=(),
        apphook="NewsApphook",
        apphook_namespace="news",
        de=PageTitle(
            title="Aktuelles",
            slug="aktuelles",
            description="Meldungen aus dem Cluster und der Chemie- und "
            "Kunststoffindustrie Mitteldeutschlands.",
        ),
        en=PageTitle(
            title="News",
            slug="news",
            description="News from the cluster and the chemical and plastics "
            "industry of Central Germany.",
        ),
    ),
    DemoPage(
        reverse_id="events",
        template=CONTENT,
        placeholders=(),
        apphook="EventsApphook",
        apphook_namespace="events",
        de=PageTitle(
            title="Termine",
            slug="termine",
            description="Tagungen, Branchentreffen, Messen, Workshops und Webinare "
            "rund um Chemie und Kunststoffe in Mitteldeutschland.",
        ),
        en=PageTitle(
            title="Events",
            slug="events",
            description="Conferences, industry meetings, trade fairs, workshops "
            "and webinars on chemistry and plastics in Central Germany.",
        ),
    ),
    DemoPage(
        reverse_id="speakers",
        template=CONTENT,
        placeholders=(),
        plugins=(DemoPlugin("content", "SpeakersPlugin"),),
        de=PageTitle(
            title="Clustersprecher",
            slug="clustersprecher",
            description="Die vier Sprecher des Zukunftsclusters "
            "Chemie/Kunststoffe Mitteldeutschland.",
        ),
        en=PageTitle(
            title="Cluster speakers",
            slug="cluster-speakers",
            description="The four speakers of the Future Cluster "
            "Chemistry/Plastics Central Germany.",
        ),
    ),
    DemoPage(
        reverse_id="contact",
        template=CONTENT,
        placeholders=(),
        plugins=(DemoPlugin("content", "ManagementContactPlugin"),),
        de=PageTitle(
            title="Clustermanagement & Kontakt",
            menu_title="Kontakt",
            slug="kontakt",
            description="So erreichen Sie das Clustermanagement in Halle (Saale).",
        ),
        en=PageTitle(
            title="Cluster management & contact",
            menu_title="Contact",
            slug="contact",
            description="How to reach the cluster management in Halle (Saale).",
        ),
    ),
    DemoPage(
        reverse_id="legal-notice",
        template=CONTENT,
        in_navigation=False,
        de=PageTitle(
            title="Impressum",
            slug="impressum",
            description="Anbieterkennzeichnung der Website.",
        ),
        en=PageTitle(
            title="Legal notice",
            slug="legal-notice",
            description="Information about the provider of this website.",
        ),
    ),
    DemoPage(
        reverse_id="privacy",
        template=CONTENT,
        in_navigation=False,
        de=PageTitle(
            title="Datenschutz",
            page_title="Datenschutzerklärung",
            slug="datenschutz",
            description="Welche personenbezogenen Daten die Website verarbeitet "
            "und welche Rechte Sie haben.",
        ),
        en=PageTitle(
            title="Privacy policy",
            slug="privacy-policy",
            description="Which personal data this website processes and what "
            "your rights are.",
        ),
    ),
    DemoPage(
        reverse_id="accessibility",
        template=CONTENT,
        in_navigation=False,
        de=PageTitle(
            title="Erklärung zur Barrierefreiheit",
            slug="barrierefreiheit",
            description="Wie barrierefrei die Website ist und wie Sie uns "
            "Barrieren melden können.",
        ),
        en=PageTitle(
            title="Accessibility statement",
            slug="accessibility",
            description="How accessible this website is and how to report "
            "barriers to us.",
        ),
    ),
)
