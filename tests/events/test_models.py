import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.models import Event

from .factories import AllDayEventFactory, EventFactory, berlin

pytestmark = pytest.mark.django_db


def test_an_all_day_event_spans_the_local_midnights_around_its_days():
    event = AllDayEventFactory(
        start_date=datetime.date(2030, 3, 30), end_date=datetime.date(2030, 3, 31)
    )

    event.refresh_from_db()
    assert event.start == berlin(2030, 3, 30, 0, 0)
    # Midnight after the last day, an hour "shorter" day through the DST switch.
    assert event.end == berlin(2030, 4, 1, 0, 0)
    assert event.end - event.start == datetime.timedelta(hours=47)


def test_a_timed_event_gets_its_local_days():
    event = EventFactory(start=berlin(2030, 6, 30, 22, 0), end=berlin(2030, 7, 1, 2, 0))

    assert event.start_date == datetime.date(2030, 6, 30)
    assert event.end_date == datetime.date(2030, 7, 1)
    assert event.is_multi_day


def test_an_evening_event_ending_at_midnight_stays_on_its_day():
    event = EventFactory(start=berlin(2030, 1, 31, 19, 0), end=berlin(2030, 2, 1, 0, 0))

    assert event.end_date == datetime.date(2030, 1, 31)
    assert not event.is_multi_day


def test_local_days_come_from_berlin_not_utc():
    # 00:30 in Berlin is still the previous day in UTC.
    event = EventFactory(start=berlin(2030, 7, 1, 0, 30), end=berlin(2030, 7, 1, 2, 0))

    assert event.start.astimezone(datetime.UTC).date() == datetime.date(2030, 6, 30)
    assert event.start_date == datetime.date(2030, 7, 1)


def test_full_clean_rejects_an_end_before_the_start():
    event = EventFactory.build(start=berlin(2030, 5, 2, 10), end=berlin(2030, 5, 1, 10))

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "end_date" in error.value.message_dict


def test_the_database_refuses_an_end_before_the_start():
    event = EventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(
            end=event.start - datetime.timedelta(1)
        )


def test_an_event_needs_a_place_or_an_online_link():
    event = EventFactory.build(venue_name="", city="", federal_state="", online_url="")

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "city" in error.value.message_dict


@pytest.mark.parametrize("slug", ["feed", "2030"])
def test_slugs_that_collide_with_calendar_urls_are_refused(slug):
    event = EventFactory.build(slug=slug)

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "slug" in error.value.message_dict


def test_the_sequence_rises_when_what_the_feed_shows_changes():
    event = EventFactory()
    assert event.sequence == 0

    event.title_en = "Renamed"
    event.save()
    event.start += datetime.timedelta(hours=1)
    event.end += datetime.timedelta(hours=1)
    event.save()
    event.is_cancelled = True
    event.save(update_fields=["is_cancelled"])

    event.refresh_from_db()
    assert event.sequence == 3


def test_the_sequence_stays_when_nothing_the_feed_shows_changes():
    event = EventFactory()

    event.is_featured = True
    event.registration_url = "https://example.org/anmeldung"
    event.save()
    event.save()

    event.refresh_from_db()
    assert event.sequence == 0


def test_published_respects_the_flag_and_the_window(no_events):
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    visible = EventFactory()
    EventFactory(is_published=False)
    EventFactory(publish_from=now + hour)
    EventFactory(publish_until=now - hour)
    window = EventFactory(publish_from=now - hour, publish_until=now + hour)

    assert set(Event.objects.published()) == {visible, window}
    assert visible.is_visible() and window.is_visible()


def test_upcoming_keeps_a_running_event_and_an_all_day_event_of_today(no_events):
    now = timezone.now()
    running = EventFactory(
        start=now - datetime.timedelta(hours=1), end=now + datetime.timedelta(hours=1)
    )
    today = AllDayEventFactory(
        start_date=timezone.localdate(), end_date=timezone.localdate()
    )
    EventFactory(
        start=now - datetime.timedelta(hours=3), end=now - datetime.timedelta(hours=1)
    )

    assert set(Event.objects.upcoming()) == {running, today}


def test_for_organizer_lists_the_organisations_events(no_events):
    from tests.members.factories import OrganizationFactory

    organization = OrganizationFactory()
    own = EventFactory(organizer=organization)
    EventFactory()

    assert list(Event.objects.published().upcoming().for_organizer(organization)) == [
        own
    ]


def test_attendance_mode_follows_venue_and_link():
    assert EventFactory.build().attendance_mode == "offline"
    assert (
        EventFactory.build(online_url="https://example.org/live").attendance_mode
        == "mixed"
    )
    assert (
        EventFactory.build(
            venue_name="", city="", online_url="https://example.org/live"
        ).attendance_mode
        == "online"
    )


def test_registration_closes_after_its_deadline():
    event = EventFactory.build(
        registration_url="https://example.org/anmeldung",
        registration_deadline=datetime.date(2030, 5, 1),
    )

    assert event.registration_is_open(today=datetime.date(2030, 5, 1))
    assert not event.registration_is_open(today=datetime.date(2030, 5, 2))
