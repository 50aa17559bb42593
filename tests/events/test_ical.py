"""Every .ics the calendar serves, parsed back with icalendar and compared
field by field with the events."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from events.models import Event

from .factories import AllDayEventFactory, CategoryFactory, EventFactory, berlin

pytestmark = pytest.mark.django_db

BERLIN = "Europe/Berlin"


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return {str(component["UID"]): component for component in calendar.walk("VEVENT")}


def assert_matches(component, event, language, calendar):
    """The VEVENT says what the event says, times included."""
    event.refresh_from_db()
    assert str(component["UID"]) == str(event.uid)
    assert component.decoded("DTSTAMP") == event.updated.replace(microsecond=0)
    assert component.decoded("SEQUENCE") == event.sequence
    # German is the fallback of an event not written in English.
    title = getattr(event, f"title_{language}") or event.title_de
    if event.is_cancelled:
        assert component["STATUS"] == "CANCELLED"
        assert title in str(component["SUMMARY"])
    else:
        assert component["STATUS"] == "CONFIRMED"
        assert str(component["SUMMARY"]) == title
    parts = [
        getattr(event, f"{name}_{language}") or getattr(event, f"{name}_de")
        for name in ("teaser", "description")
    ]
    assert str(component.get("DESCRIPTION", "")) == "\n\n".join(
        part for part in parts if part
    )
    assert str(component["LOCATION"]) == (event.location_text or event.online_url)
    assert str(component["URL"]) == (
        f"http://testserver/{language}/{'termine' if language == 'de' else 'events'}"
        f"/{event.slug}/"
    )
    start, end = component.decoded("DTSTART"), component.decoded("DTEND")
    if event.is_all_day:
        # DATE values; DTEND is the day after the last day (exclusive).
        assert component["DTSTART"].params.get("VALUE") == "DATE"
        assert type(start) is datetime.date and type(end) is datetime.date
        assert start == event.start_date
        assert end == event.end_date + datetime.timedelta(days=1)
    else:
        assert component["DTSTART"].params["TZID"] == BERLIN
        assert component["DTEND"].params["TZID"] == BERLIN
        assert start == event.start and end == event.end
        # The local wall-clock time is written, as Berlin shows it.
        assert start.replace(tzinfo=None) == timezone.localtime(event.start).replace(
            tzinfo=None
        )
        # The VTIMEZONE block agrees with Berlin's offsets at both ends.
        (vtimezone,) = calendar.walk("VTIMEZONE")
        assert vtimezone["TZID"] == BERLIN
        tz = vtimezone.to_tz()
        for moment in (event.start, event.end):
            local = timezone.localtime(moment)
            assert (
                local.replace(tzinfo=None).replace(tzinfo=tz).utcoffset()
                == local.utcoffset()
            )


@pytest.mark.parametrize("language", ["de", "en"])
def test_an_event_file_carries_the_event_in_the_requested_language(client, language):
    event = EventFactory(start=berlin(2030, 6, 12, 9, 30), end=berlin(2030, 6, 12, 17))

    prefix = "termine" if language == "de" else "events"

    calendar = parse(client.get(f"/{language}/{prefix}/{event.slug}.ics"))

    assert calendar["VERSION"] == "2.0"
    assert "PRODID" in calendar
    (component,) = calendar.walk("VEVENT")
    assert_matches(component, event, language, calendar)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        # Across the switch to summer time (31 March 2030, 02:00 → 03:00)
        (berlin(2030, 3, 30, 22, 0), berlin(2030, 3, 31, 4, 0)),
        # The morning after the switch
        (berlin(2030, 3, 31, 9, 0), berlin(2030, 3, 31, 12, 0)),
        # Across the switch back (27 October 2030, 03:00 → 02:00)
        (berlin(2030, 10, 26, 20, 0), berlin(2030, 10, 27, 10, 0)),
        # Across midnight and the end of a month and of a year
        (berlin(2030, 12, 31, 22, 0), berlin(2031, 1, 1, 1, 0)),
    ],
    ids=["into-summer-time", "after-the-switch", "out-of-summer-time", "new-year"],
)
def test_times_survive_summer_time_switches_and_midnights(client, start, end):
    event = EventFactory(start=start, end=end)

    calendar = parse(client.get(f"/de/termine/{event.slug}.ics"))

    (component,) = calendar.walk("VEVENT")
    assert_matches(component, event, "de", calendar)
    assert component.decoded("DTEND") - component.decoded("DTSTART") == end - start


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (datetime.date(2030, 1, 31), datetime.date(2030, 1, 31)),  # end of a month
        (datetime.date(2030, 2, 28), datetime.date(2030, 2, 28)),  # short February
        (datetime.date(2030, 3, 31), datetime.date(2030, 3, 31)),  # DST day, month end
        (datetime.date(2030, 10, 26), datetime.date(2030, 10, 28)),  # across DST end
        (datetime.date(2030, 12, 31), datetime.date(2030, 12, 31)),  # end of a year
    ],
)
def test_all_day_events_are_dates(client, first, last):
    event = AllDayEventFactory(start_date=first, end_date=last)

    calendar = parse(client.get(f"/en/events/{event.slug}.ics"))

    (component,) = calendar.walk("VEVENT")
    assert_matches(component, event, "en", calendar)
    # All-day events need no time zone at all.
    assert calendar.walk("VTIMEZONE") == []


def test_a_cancelled_event_is_cancelled_with_a_higher_sequence(client):
    event = EventFactory()
    event.is_cancelled = True
    event.save()

    calendar = parse(client.get(f"/de/termine/{event.slug}.ics"))

    (component,) = calendar.walk("VEVENT")
    assert_matches(component, event, "de", calendar)
    assert component["STATUS"] == "CANCELLED"
    assert component.decoded("SEQUENCE") == 1
    assert str(component["SUMMARY"]).startswith("Abgesagt: ")


def test_the_uid_stays_when_the_event_changes(client):
    event = EventFactory()
    before = parse(client.get(f"/de/termine/{event.slug}.ics"))

    event.title_de = "Neuer Titel"
    event.save()
    after = parse(client.get(f"/de/termine/{event.slug}.ics"))

    (old,), (new,) = before.walk("VEVENT"), after.walk("VEVENT")
    assert old["UID"] == new["UID"]
    assert new.decoded("SEQUENCE") == old.decoded("SEQUENCE") + 1


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_feed_has_every_upcoming_published_event(client, no_events, language):
    timed = EventFactory()
    all_day = AllDayEventFactory()
    cancelled = EventFactory(is_cancelled=True)
    EventFactory(is_published=False)
    past = EventFactory(start=berlin(2020, 5, 4, 10), end=berlin(2020, 5, 4, 12))
    prefix = "termine" if language == "de" else "events"

    calendar = parse(client.get(f"/{language}/{prefix}/feed.ics"))

    components = vevents(calendar)
    assert set(components) == {str(e.uid) for e in (timed, all_day, cancelled)}
    for event in (timed, all_day, cancelled):
        assert_matches(components[str(event.uid)], event, language, calendar)
    assert str(past.uid) not in components
    assert len(calendar.walk("VTIMEZONE")) == 1
    assert "NAME" in calendar and "X-WR-CALNAME" in calendar


def test_a_category_feed_has_only_that_category(client, no_events):
    fair = EventFactory(category=CategoryFactory(slug="messe", name_de="Messe"))
    EventFactory()

    calendar = parse(client.get("/de/termine/feed/messe.ics"))

    assert set(vevents(calendar)) == {str(fair.uid)}
    assert "Messe" in str(calendar["X-WR-CALNAME"])


def test_an_empty_feed_is_still_a_valid_calendar(client, no_events):
    calendar = parse(client.get("/de/termine/feed.ics"))

    assert calendar.walk("VEVENT") == []


@pytest.mark.parametrize(
    "url",
    ["/de/termine/feed/keine-kategorie.ics", "/en/events/no-such-event.ics"],
)
def test_unknown_feeds_and_events_are_404(client, url):
    assert client.get(url).status_code == 404


def test_an_unpublished_event_has_no_public_file(client, editor):
    event = EventFactory(is_published=False)
    url = f"/de/termine/{event.slug}.ics"

    assert client.get(url).status_code == 404
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_demo_events_all_parse_back(client):
    """Every demo event's file, as the site serves it."""
    events = list(Event.objects.published())
    assert len(events) >= 30
    for event in events:
        calendar = parse(client.get(f"/en/events/{event.slug}.ics"))
        (component,) = calendar.walk("VEVENT")
        assert_matches(component, event, "en", calendar)


def test_a_cached_feed_follows_a_change_at_once(client, no_events):
    event = EventFactory(title_de="Alter Titel")
    assert "Alter Titel" in client.get("/de/termine/feed.ics").content.decode()

    event.title_de = "Neuer Titel"
    event.save()

    calendar = parse(client.get("/de/termine/feed.ics"))
    (component,) = calendar.walk("VEVENT")
    assert str(component["SUMMARY"]) == "Neuer Titel"
    assert component.decoded("SEQUENCE") == 1
