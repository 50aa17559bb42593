import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from events.demo_data import EVENTS, SAMPLE_NOTE, SCHKOPAU_2007
from events.models import Category, Event, FieldOfAction
from members.models import Organization


def organization_named(name):
    """The Clusteratlas entry of that name, if the Clusteratlas demo made it."""
    return Organization.objects.filter(slug=slugify(name)).first()


def local_moment(day, time):
    hour, minute = map(int, time.split(":"))
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(hour, minute))
    )


class Command(BaseCommand):
    help = (
        "Load the calendar's demo events: about thirty fictional events before "
        "and after today, in German and English, and the real 2007 meeting in "
        "Schkopau. Events that exist (by slug) are left alone, so running it "
        "twice changes nothing."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        created = 0
        with transaction.atomic():
            for demo in EVENTS:
                created += self.create_sample(demo, today)
            created += self.create_schkopau_2007()
        self.stdout.write(
            f"Events: {created} created, {len(EVENTS) + 1 - created} already there."
        )

    def create_sample(self, demo, today):
        if Event.objects.filter(slug=demo.slug).exists():
            return 0
        first_day = today + datetime.timedelta(days=demo.offset)
        last_day = first_day + datetime.timedelta(days=demo.days - 1)
        venue_name, street, postcode, city, state = demo.venue
        event = Event(
            slug=demo.slug,
            category=Category.objects.get(slug=demo.category),
            organizer=organization_named(demo.organizer),
            title_de=demo.title[0],
            title_en=demo.title[1],
            teaser_de=demo.teaser[0],
            teaser_en=demo.teaser[1],
            description_de=f"{demo.description[0]}\n\n{SAMPLE_NOTE['de']}",
            description_en=f"{demo.description[1]}\n\n{SAMPLE_NOTE['en']}",
            venue_name=venue_name,
            street=street,
            postcode=postcode,
            city=city,
            federal_state=state,
            online_url=demo.online_url,
            is_published=True,
            is_featured=demo.featured,
            is_cancelled=demo.cancelled,
            is_sample=True,
        )
        if demo.start is None:
            event.is_all_day = True
            event.start_date, event.end_date = first_day, last_day
        else:
            event.start = local_moment(first_day, demo.start)
            event.end = local_moment(last_day, demo.end)
        if demo.registration:
            event.registration_url = f"https://anmeldung.example.org/{demo.slug}"
            event.registration_deadline = first_day - datetime.timedelta(days=3)
        event.full_clean()
        event.save()
        event.fields_of_action.set(FieldOfAction.objects.filter(slug__in=demo.fields))
        return 1

    def create_schkopau_2007(self):
        data = SCHKOPAU_2007
        if Event.objects.filter(slug=data["slug"]).exists():
            return 0
        venue_name, street, postcode, city, state = data["venue"]
        day = datetime.date(*data["date"])
        event = Event(
            slug=data["slug"],
            category=Category.objects.get(slug=data["category"]),
            organizer=None,
            title_de=data["title"][0],
            title_en=data["title"][1],
            teaser_de=data["teaser"][0],
            teaser_en=data["teaser"][1],
            is_all_day=True,
            start_date=day,
            end_date=day,
            venue_name=venue_name,
            street=street,
            postcode=postcode,
            city=city,
            federal_state=state,
            is_published=True,
        )
        event.full_clean()
        event.save()
        event.fields_of_action.set(
            FieldOfAction.objects.filter(slug__in=data["fields"])
        )
        return 1
