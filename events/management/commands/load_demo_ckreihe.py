import datetime

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction

from events.document_models import EventDocument
from events.models import Event
from newsletter.pdf import simple_pdf

PUBLIC = EventDocument.Visibility.PUBLIC
MEMBERS = EventDocument.Visibility.MEMBERS
Kind = EventDocument.Kind

# number, event slug, kind, visibility, language, (title de, en), (description de, en)
DOCUMENTS = (
    (
        1,
        "erstes-bundesweites-treffen-clusterinitiativen-chemie-kunststoffe-2007",
        Kind.PROCEEDINGS,
        PUBLIC,
        "de",
        (
            "Erstes bundesweites Treffen der Clusterinitiativen: Tagungsband",
            "First nationwide meeting of the cluster initiatives: proceedings",
        ),
        (
            "Die Beiträge des Treffens in Schkopau 2007.",
            "The contributions to the 2007 meeting in Schkopau.",
        ),
    ),
    (
        2,
        "tagung-chemiestandorte-zukunft",
        Kind.PROCEEDINGS,
        PUBLIC,
        "de",
        (
            "Chemiestandorte mit Zukunft: Tagungsband",
            "Chemical sites with a future: proceedings",
        ),
        (
            "Alle Vorträge der Tagung in einem Band.",
            "All talks of the conference in one volume.",
        ),
    ),
    (
        3,
        "tagung-chemiestandorte-zukunft",
        Kind.MINUTES,
        MEMBERS,
        "de",
        ("Protokoll der Abschlussdiskussion", "Minutes of the closing discussion"),
        (
            "Ergebnisse und Verabredungen, nur für Mitglieder.",
            "Results and agreements, for members only.",
        ),
    ),
    (
        4,
        "tagung-kunststoffe-im-automobilbau",
        Kind.TALK,
        PUBLIC,
        "de",
        ("Leichtbau mit Recyclat", "Lightweight construction with recyclate"),
        (
            "Vortragsfolien eines fiktiven Referenten.",
            "Slides of a fictional speaker.",
        ),
    ),
    (
        5,
        "tagung-kunststoffe-im-automobilbau",
        Kind.TALK,
        MEMBERS,
        "en",
        ("Supplier survey 2030", "Supplier survey 2030"),
        (
            "Ergebnisse einer Umfrage unter Zulieferern (englisch).",
            "Results of a survey among suppliers.",
        ),
    ),
    (
        6,
        "workshop-foerdermittel-innovation",
        Kind.REPORT,
        PUBLIC,
        "de",
        ("Förderprogramme im Überblick", "Funding programmes at a glance"),
        (
            "Die im Workshop vorgestellten Programme.",
            "The programmes presented at the workshop.",
        ),
    ),
    (
        7,
        "branchentreffen-chemiepark-bitterfeld",
        Kind.MINUTES,
        MEMBERS,
        "de",
        ("Protokoll des Branchentreffens", "Minutes of the industry meeting"),
        (
            "Teilnehmende, Themen und nächste Schritte.",
            "Participants, topics and next steps.",
        ),
    ),
    (
        8,
        "tagung-nachwuchs-chemie",
        Kind.OTHER,
        PUBLIC,
        "de-en",
        ("Programmheft", "Programme booklet"),
        ("Programm der Tagung.", "The conference programme."),
    ),
)

SAMPLE_LINE = {
    "de": "Fiktives Beispieldokument der CKreihe (Demo-Inhalt).",
    "en": "Fictional sample document of the CKreihe (demo content).",
}


class Command(BaseCommand):
    help = (
        "Load the CKreihe's demo documents: small generated PDFs for past demo "
        "events, some public, some for members only. Documents that exist (by "
        "number) are left alone, so running it twice changes nothing."
    )

    def handle(self, *args, **options):
        created = 0
        with transaction.atomic():
            for demo in DOCUMENTS:
                created += self.create(*demo)
        self.stdout.write(
            f"CKreihe: {created} documents created, "
            f"{len(DOCUMENTS) - created} already there."
        )

    def create(self, number, slug, kind, visibility, language, title, description):
        if EventDocument.objects.filter(number=number).exists():
            return 0
        event = Event.objects.filter(slug=slug).first()
        if event is not None:
            published = event.end_date + datetime.timedelta(days=14)
        else:
            published = datetime.date(2007, 12, 1)
        pdf = simple_pdf(
            f"CKreihe Nr. {number}",
            [
                title[0],
                title[1],
                "",
                description[0],
                description[1],
                "",
                SAMPLE_LINE["de"],
            ],
        )
        document = EventDocument(
            number=number,
            event=event,
            kind=kind,
            visibility=visibility,
            language=language,
            title_de=title[0],
            title_en=title[1],
            description_de=f"{description[0]} {SAMPLE_LINE['de']}",
            description_en=f"{description[1]} {SAMPLE_LINE['en']}",
            publication_date=published,
            is_sample=True,
            file=ContentFile(pdf, name=f"CKreihe-{number:03d}.pdf"),
        )
        document.save()
        return 1
