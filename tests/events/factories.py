import datetime

import factory
from django.utils import timezone

from events.models import Category, Event, EventDocument, FieldOfAction


def berlin(*args):
    """An aware moment given in Berlin local time."""
    return timezone.make_aware(datetime.datetime(*args))


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    slug = "tagung"
    name_de = "Tagung"
    name_en = "Conference"


class FieldOfActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldOfAction
        django_get_or_create = ("slug",)

    slug = "innovation"
    name_de = "Innovation"
    name_en = "Innovation"


class EventFactory(factory.django.DjangoModelFactory):
    """A published, timed event in Halle, a year from now unless told."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title_de = factory.Sequence(lambda n: f"Fachtagung {n}")
    title_en = factory.Sequence(lambda n: f"Conference {n}")
    slug = factory.Sequence(lambda n: f"fachtagung-{n}")
    teaser_de = "Ein fiktiver Termin."
    teaser_en = "A fictional event."
    description_de = "Vorträge und Gespräche.\n\nMit Imbiss."
    description_en = "Talks and conversations.\n\nWith snacks."
    category = factory.SubFactory(CategoryFactory)
    start = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=365)
    )
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=3))
    venue_name = "Technologiepark Weinberg Campus"
    street = "Walter-Hülse-Straße 1"
    postcode = "06120"
    city = "Halle (Saale)"
    federal_state = "sachsen-anhalt"
    is_published = True

    @factory.post_generation
    def fields_of_action(self, create, extracted, **kwargs):
        if create and extracted:
            self.fields_of_action.set(extracted)


class AllDayEventFactory(EventFactory):
    is_all_day = True
    start = None
    end = None
    start_date = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=365)
    )
    end_date = factory.LazyAttribute(lambda event: event.start_date)


def pdf_file(name="tagungsband.pdf", text="CKreihe"):
    from django.core.files.base import ContentFile

    from newsletter.pdf import simple_pdf

    return ContentFile(simple_pdf(text, ["Test"]), name=name)


class EventDocumentFactory(factory.django.DjangoModelFactory):
    """A public PDF of the CKreihe, tied to no event unless told."""

    class Meta:
        model = EventDocument

    number = factory.Sequence(lambda n: 1000 + n)
    title_de = factory.Sequence(lambda n: f"Tagungsband {n}")
    title_en = factory.Sequence(lambda n: f"Proceedings {n}")
    description_de = "Ein fiktives Dokument."
    description_en = "A fictional document."
    kind = EventDocument.Kind.PROCEEDINGS
    publication_date = factory.LazyFunction(timezone.localdate)
    visibility = EventDocument.Visibility.PUBLIC
    file = factory.LazyFunction(pdf_file)
