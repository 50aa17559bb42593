"""schema.org Event data of an event, for search engines (JSON-LD)."""

import json

from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from members.models import FederalState
from members.open_data import organization_id

SCHEMA = "https://schema.org/"
# The venue's federal state names its region; "elsewhere" names none.
GERMAN_STATES = {
    FederalState.SAXONY,
    FederalState.SAXONY_ANHALT,
    FederalState.THURINGIA,
}

# The characters that could end or confuse a <script> element, escaped as
# JSON allows (the same set Django's json_script escapes).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def event_data(event, request):
    """The schema.org Event of an event as a dict."""
    absolute = request.build_absolute_uri
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": absolute(event.get_absolute_url()),
        "inLanguage": get_language(),
        "eventStatus": SCHEMA
        + ("EventCancelled" if event.is_cancelled else "EventScheduled"),
        "eventAttendanceMode": SCHEMA
        + {
            event.AttendanceMode.OFFLINE: "OfflineEventAttendanceMode",
            event.AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
            event.AttendanceMode.MIXED: "MixedEventAttendanceMode",
        }[event.attendance_mode],
    }
    if event.is_all_day:
        data["startDate"] = event.start_date.isoformat()
        data["endDate"] = event.end_date.isoformat()
    else:
        data["startDate"] = event.local_start.isoformat()
        data["endDate"] = event.local_end.isoformat()
    description = event.teaser or event.description
    if description:
        data["description"] = description
    if event.image:
        data["image"] = [absolute(event.image.url)]
    locations = []
    if event.attendance_mode != event.AttendanceMode.ONLINE:
        address = {
            "@type": "PostalAddress",
            "streetAddress": event.street,
            "postalCode": event.postcode,
            "addressLocality": event.city,
        }
        if event.federal_state in GERMAN_STATES:
            address["addressRegion"] = event.get_federal_state_display()
            address["addressCountry"] = "DE"
        locations.append(
            {
                "@type": "Place",
                "name": event.venue_name or event.city,
                "address": {key: value for key, value in address.items() if value},
            }
        )
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    data["location"] = locations[0] if len(locations) == 1 else locations
    if event.organizer is not None:
        organizer = {"@type": "Organization", "name": event.organizer.name}
        if event.organizer_url:
            organizer["@id"] = organization_id(event.organizer, absolute)
        if event.organizer.website:
            organizer["url"] = event.organizer.website
        data["organizer"] = organizer
    sub_events = [session_data(session, absolute) for session in event.sessions.all()]
    if sub_events:
        data["subEvent"] = sub_events
    if event.registration_is_open():
        data["offers"] = {"@type": "Offer", "url": event.registration_url}
    return data


def session_data(session, absolute):
    """A programme session as a schema.org sub-event."""
    data = {
        "@type": "Event",
        "name": session.title,
        "startDate": timezone.localtime(session.start).isoformat(),
    }
    if session.end:
        data["endDate"] = timezone.localtime(session.end).isoformat()
    if session.description:
        data["description"] = session.description
    performers = [
        performer_data(speaker, absolute)
        for speaker in session.speakers.all()
        if speaker.display_name
    ]
    if performers:
        data["performer"] = performers
    return data


def performer_data(speaker, absolute):
    """A speaker as a schema.org Person; one from the Clusteratlas points at
    their organisation's node on its page by ``@id``."""
    person = {"@type": "Person", "name": speaker.display_name}
    if speaker.organization_url:
        organization = {
            "@type": "Organization",
            "@id": organization_id(speaker.organization, absolute),
            "name": speaker.organization.name,
        }
        person["worksFor"] = organization
        person["affiliation"] = organization
    elif speaker.affiliation_name:
        person["affiliation"] = {
            "@type": "Organization",
            "name": speaker.affiliation_name,
        }
    return person


def json_ld(data):
    """The data as the content of a <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))
