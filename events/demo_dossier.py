# ruff: noqa: E501
"""The demo's full dossier of one past event: programme, speakers inside and
outside the Clusteratlas, a report and photos. People and companies are
fictional, like the event itself; its CKreihe documents come from
load_demo_ckreihe.
"""

EVENT_SLUG = "tagung-chemiestandorte-zukunft"

# Fictional people in the Clusteratlas: (title, first, last, organisation, (job de, en))
ATLAS_SPEAKERS = (
    (
        "Dr.",
        "Katrin",
        "Beispiel",
        "Beispiel Polymerwerk Saalekreis GmbH",
        ("Standortleiterin", "Site manager"),
    ),
    (
        "",
        "Jan",
        "Muster",
        "Demo Spezialchemie Leuna GmbH",
        ("Leiter Energie", "Head of energy"),
    ),
)

# Speakers outside the Clusteratlas: key -> (name, affiliation)
GUESTS = {
    "exempel": ("Prof. Dr. Lena Exempel", "Fiktive Hochschule Mitteldeutschland"),
    "probe": ("Maria Probe", ""),
}

# (day of the event from 0, start, end, (title de, en), (description de, en), speakers)
# A speaker is a last name from ATLAS_SPEAKERS or a key of GUESTS.
SESSIONS = (
    (
        0,
        "10:00",
        "10:30",
        ("Begrüßung und Einführung", "Welcome and introduction"),
        ("", ""),
        ("Beispiel",),
    ),
    (
        0,
        "10:30",
        "11:30",
        (
            "Strom, Dampf und Wasserstoff: die Energiewende am Chemiestandort",
            "Power, steam and hydrogen: the energy transition at the chemical site",
        ),
        (
            "Zwei Sichten auf die Versorgung der Standorte, aus dem Betrieb und aus der Forschung.",
            "Two views of supplying the sites, from operations and from research.",
        ),
        ("Muster", "exempel"),
    ),
    (0, "11:30", "12:00", ("Kaffeepause", "Coffee break"), ("", ""), ()),
    (
        0,
        "12:00",
        "13:00",
        (
            "Podiumsdiskussion: Neue Rohstoffe für alte Standorte",
            "Panel: new feedstocks for old sites",
        ),
        ("", ""),
        ("Beispiel", "exempel", "probe"),
    ),
    (
        1,
        "10:00",
        "12:00",
        ("Führung über den Hochschulcampus", "Tour of the university campus"),
        ("Treffpunkt am Hörsaal A.", "Meeting point at lecture hall A."),
        (),
    ),
)

REPORT = {
    "title": (
        "Rückblick: Tagung Zukunft der Chemiestandorte",
        "Review: conference on the future of chemical sites",
    ),
    "teaser": (
        "Zwei Tage lang diskutierten Standortbetreiber, Forschung und Verwaltung in Merseburg, wie die Chemiestandorte den Wandel bei Energie und Rohstoffen bewältigen.",
        "For two days, site operators, researchers and administrators discussed in Merseburg how the chemical sites can master the change in energy and feedstocks.",
    ),
}

# (colour, (alt de, en), (caption de, en))
PHOTOS = (
    (
        (11, 85, 104),
        (
            "Blick in den voll besetzten Hörsaal während der Begrüßung",
            "View into the full lecture hall during the welcome",
        ),
        ("Die Begrüßung im Hörsaal A", "The welcome in lecture hall A"),
    ),
    (
        (232, 163, 61),
        (
            "Vier Personen auf dem Podium vor einer Leinwand",
            "Four people on the panel in front of a screen",
        ),
        ("Die Podiumsdiskussion", "The panel discussion"),
    ),
    (
        (10, 58, 74),
        (
            "Eine Gruppe auf dem Campus vor einem Laborgebäude",
            "A group on the campus in front of a laboratory building",
        ),
        ("Die Führung am zweiten Tag", "The tour on the second day"),
    ),
)
PHOTO_CREDIT = "Foto: Demo-Inhalt"
