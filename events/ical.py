"""iCalendar (RFC 5545) files of the calendar, built with the icalendar library.

Timed events carry DTSTART/DTEND with TZID=Europe/Berlin (the site's time
zone) and the matching VTIMEZONE; all-day events carry DATE values with an
exclusive DTEND, as RFC 5545 defines them.
"""

import datetime
from functools import lru_cache

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, gettext

from cluster_portal import cache as portal_cache

PRODID = "-//Zukunftscluster Chemie/Kunststoffe Mitteldeutschland//Terminkalender//DE"


@lru_cache(maxsize=64)
def vtimezone(tzid, first_year, last_year):
    """The VTIMEZONE block for the years the calendar spans.

    Generating one takes a while, so each span is built once per process.
    """
    return icalendar.Timezone.from_tzid(
        tzid,
        first_date=datetime.date(first_year, 1, 1),
        last_date=datetime.date(last_year + 1, 1, 1),
    )


def event_component(event, request):
    """One VEVENT, in the active language."""
    component = icalendar.Event()
    component.add("uid", str(event.uid))
    component.add("dtstamp", event.updated)
    component.add("created", event.created)
    component.add("last-modified", event.updated)
    component.add("sequence", event.sequence)
    if event.is_all_day:
        component.add("dtstart", event.start_date)
        component.add("dtend", event.end_date + datetime.timedelta(days=1))
    else:
        component.add("dtstart", timezone.localtime(event.start))
        component.add("dtend", timezone.localtime(event.end))
    summary = event.title
    if event.is_cancelled:
        summary = gettext("Cancelled: %(title)s") % {"title": event.title}
    component.add("summary", summary)
    description = "\n\n".join(
        part for part in (event.teaser, event.description) if part
    )
    if description:
        component.add("description", description)
    location = event.location_text or event.online_url
    if location:
        component.add("location", location)
    component.add("url", request.build_absolute_uri(event.get_absolute_url()))
    component.add("categories", [event.category.name])
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    component.add("transp", "TRANSPARENT" if event.is_all_day else "OPAQUE")
    return component


def build_calendar(events, request, *, name):
    """A calendar of the given events with the VTIMEZONE they need."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add(
        "x-wr-caldesc",
        gettext("Dates of the Future Cluster Chemistry/Plastics Central Germany"),
    )
    calendar.refresh_interval = datetime.timedelta(hours=12)
    calendar.add("x-published-ttl", "PT12H")
    years = []
    for event in events:
        calendar.add_component(event_component(event, request))
        if not event.is_all_day:
            years += [event.local_start.year, event.local_end.year]
    if years:
        calendar.subcomponents.insert(
            0, vtimezone(settings.TIME_ZONE, min(years), max(years))
        )
    return calendar.to_ical()


def feed_cache_key(request, category=None):
    """The cache key of a feed: its language, category, host and the
    current versions of the calendar and of the organisers."""
    version = portal_cache.versions("events", "directory")
    slug = category.slug if category is not None else ""
    host = f"{request.scheme}://{request.get_host()}"
    return f"events:feed:{version}:{get_language()}:{slug}:{host}"
