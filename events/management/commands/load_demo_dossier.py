import datetime
import io

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from events import demo_dossier as demo
from events.models import Event, EventPhoto, Session, SessionSpeaker
from members.models import Organization, Person
from newsletter.models import NewsItem

NEWS_FICTION = {
    "de": "<p><em>Fiktive Beispielmeldung aus den Demo-Inhalten.</em></p>",
    "en": "<p><em>Fictional example item from the demo content.</em></p>",
}


def demo_photo(colour, number):
    """A small generated JPEG: a coloured field with simple shapes."""
    image = Image.new("RGB", (960, 640), colour)
    draw = ImageDraw.Draw(image)
    for step in range(number + 2):
        left = 120 + step * 180
        draw.ellipse((left, 260, left + 140, 400), fill=(238, 245, 247))
        draw.rectangle((left + 20, 400, left + 120, 600), fill=(211, 224, 229))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def local_moment(day, time):
    hours, minutes = map(int, time.split(":"))
    moment = datetime.datetime.combine(day, datetime.time(hours, minutes))
    return timezone.make_aware(moment)


class Command(BaseCommand):
    help = (
        "Give one past demo event its full dossier: programme with speakers "
        "from the Clusteratlas and from outside it, a news item reporting on "
        "it and three generated photos. Parts that exist are left alone, so "
        "running it twice changes nothing."
    )

    def handle(self, *args, **options):
        event = Event.objects.filter(slug=demo.EVENT_SLUG).first()
        if event is None:
            self.stdout.write("Dossier: the demo event is missing; nothing done.")
            return
        with transaction.atomic():
            people = self.load_people()
            sessions = self.load_programme(event, people)
            report = self.load_report(event)
            photos = self.load_photos(event)
        self.stdout.write(
            f"Dossier of {event.slug}: {sessions} sessions, "
            f"{photos} photos created; report {'created' if report else 'there'}."
        )

    def load_people(self):
        people = {}
        for title, first, last, organization, position in demo.ATLAS_SPEAKERS:
            people[last], _ = Person.objects.get_or_create(
                first_name=first,
                last_name=last,
                defaults={
                    "academic_title": title,
                    "organization": Organization.objects.filter(
                        name=organization
                    ).first(),
                    "position_de": position[0],
                    "position_en": position[1],
                },
            )
        return people

    def load_programme(self, event, people):
        if event.sessions.exists():
            return 0
        for order, (day, start, end, title, description, speakers) in enumerate(
            demo.SESSIONS
        ):
            date = event.start_date + datetime.timedelta(days=day)
            session = Session.objects.create(
                event=event,
                start=local_moment(date, start),
                end=local_moment(date, end),
                order=order,
                title_de=title[0],
                title_en=title[1],
                description_de=description[0],
                description_en=description[1],
            )
            for position, key in enumerate(speakers):
                if key in demo.GUESTS:
                    name, affiliation = demo.GUESTS[key]
                    speaker = SessionSpeaker(name=name, affiliation=affiliation)
                else:
                    speaker = SessionSpeaker(person=people[key])
                speaker.session = session
                speaker.order = position
                speaker.save()
        return len(demo.SESSIONS)

    def load_report(self, event):
        if event.report_news_id:
            return False
        title, teaser = demo.REPORT["title"], demo.REPORT["teaser"]
        item, _ = NewsItem.objects.get_or_create(
            title_de=title[0],
            defaults={
                "title_en": title[1],
                "teaser_de": teaser[0],
                "teaser_en": teaser[1],
                "body_de": f"<p>{teaser[0]}</p>{NEWS_FICTION['de']}",
                "body_en": f"<p>{teaser[1]}</p>{NEWS_FICTION['en']}",
                "date": event.end_date + datetime.timedelta(days=3),
            },
        )
        event.report_news = item
        event.save(update_fields=["report_news"])
        return True

    def load_photos(self, event):
        if event.photos.exists():
            return 0
        for number, (colour, alt, caption) in enumerate(demo.PHOTOS, start=1):
            EventPhoto.objects.create(
                event=event,
                image=ContentFile(
                    demo_photo(colour, number), name=f"{event.slug}-{number}.jpg"
                ),
                alt_de=alt[0],
                alt_en=alt[1],
                caption_de=caption[0],
                caption_en=caption[1],
                credit=demo.PHOTO_CREDIT,
                order=number,
            )
        return len(demo.PHOTOS)
