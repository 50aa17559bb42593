"""Queries per page stay the same however many events there are."""

import datetime
import uuid

import pytest
from django.core.cache import cache
from django.utils import timezone

from events.models import Category, Event, FieldOfAction
from tests.members.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "/de/termine/",
    "/en/events/?category=messe&state=sachsen-anhalt",
    "/de/termine/2030/6/",
    "/de/termine/2024/",
    "/de/termine/event-0/",
    "/de/termine/feed.ics",
    "/en/events/feed/messe.ics",
    "/de/termine/event-0.ics",
    "/de/",
]


def add_events(count):
    """``count`` events, a third each in the past, in June 2030 and beyond,
    created in bulk (save() is skipped, so every derived field is given)."""
    categories = list(Category.objects.all())
    organizations = [OrganizationFactory() for _ in range(3)]
    fields = list(FieldOfAction.objects.all())
    tz = timezone.get_current_timezone()
    events = []
    for number in range(count):
        if number % 3 == 0:
            start = datetime.datetime(2030, 6, 1 + number % 28, 10, tzinfo=tz)
        elif number % 3 == 1:
            start = datetime.datetime(2024, 1, 1, 10, tzinfo=tz) + datetime.timedelta(
                hours=number
            )
        else:
            start = datetime.datetime(2031, 1, 1, 10, tzinfo=tz) + datetime.timedelta(
                hours=number
            )
        end = start + datetime.timedelta(hours=2)
        events.append(
            Event(
                uid=uuid.uuid4(),
                slug=f"event-{number}",
                title=f"Termin {number}",
                title_de=f"Termin {number}",
                title_en=f"Event {number}",
                teaser_de="Ein Termin.",
                category=categories[number % len(categories)],
                organizer=organizations[number % 3],
                start=start,
                end=end,
                start_date=start.date(),
                end_date=end.date(),
                city="Halle (Saale)",
                federal_state="sachsen-anhalt",
                is_published=True,
                is_featured=number % 5 == 0,
            )
        )
    created = Event.objects.bulk_create(events, batch_size=500)
    through = Event.fields_of_action.through
    through.objects.bulk_create(
        [
            through(event_id=event.pk, fieldofaction_id=fields[i % len(fields)].pk)
            for i, event in enumerate(created)
        ],
        batch_size=500,
    )


def count_queries(client, url, django_assert_max_num_queries):
    # Warm up what each process keeps (content types, URL resolvers, CMS
    # page URLs), then measure a request that finds the shared cache empty.
    for _ in range(2):
        client.get(url)
        cache.clear()
    with django_assert_max_num_queries(1000) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", PAGES)
def test_ten_and_five_thousand_events_cost_the_same_queries(
    client, no_events, url, django_assert_max_num_queries, settings
):
    # The page cache stores the big feed, too, as it does the small one.
    settings.PAGE_CACHE_MAX_BYTES = 64 * 1024 * 1024
    add_events(10)
    few = count_queries(client, url, django_assert_max_num_queries)

    Event.objects.all().delete()
    add_events(5000)
    many = count_queries(client, url, django_assert_max_num_queries)

    assert many == few
    assert few <= 40
