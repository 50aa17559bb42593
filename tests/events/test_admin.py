import datetime

import pytest
from django.utils import timezone

from events.models import Event

from .factories import CategoryFactory, EventFactory, FieldOfActionFactory, berlin

pytestmark = pytest.mark.django_db

CHANGELIST = "/de/admin/events/event/"


def inline_management(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def form_data(**overrides):
    category = CategoryFactory()
    data = {
        "title_de": "Workshop Extrusion",
        "title_en": "Extrusion workshop",
        "slug": "workshop-extrusion",
        "category": category.pk,
        "fields_of_action": [FieldOfActionFactory().pk],
        "is_all_day": "",
        "start_date": "2030-03-31",
        "start_time": "09:30",
        "end_date": "2030-03-31",
        "end_time": "16:00",
        "city": "Merseburg",
        "federal_state": "sachsen-anhalt",
        "is_published": "on",
        **inline_management("sessions"),
        **inline_management("photos"),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_changelist_lists_events_with_filters_and_search(admin_client):
    EventFactory(title_de="Kunststofftage Merseburg")
    EventFactory(title_de="Chemieforum Leuna")

    response = admin_client.get(CHANGELIST, {"q": "Merseburg"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Kunststofftage Merseburg" in page
    assert "Chemieforum Leuna" not in page
    for filtered in (
        {"when": "upcoming"},
        {"when": "past"},
        {"is_cancelled__exact": "1"},
    ):
        assert admin_client.get(CHANGELIST, filtered).status_code == 200


def test_times_are_entered_in_berlin_local_time(admin_client):
    response = admin_client.post(f"{CHANGELIST}add/", form_data())

    assert response.status_code == 302, response.content.decode()
    event = Event.objects.get(slug="workshop-extrusion")
    # 31 March 2030 is the first day of summer time: 09:30 CEST is 07:30 UTC.
    assert event.start == datetime.datetime(2030, 3, 31, 7, 30, tzinfo=datetime.UTC)
    assert event.end == berlin(2030, 3, 31, 16, 0)


def test_an_all_day_event_needs_no_times(admin_client):
    data = form_data(
        is_all_day="on", start_time=None, end_time=None, end_date="2030-04-02"
    )

    response = admin_client.post(f"{CHANGELIST}add/", data)

    assert response.status_code == 302, response.content.decode()
    event = Event.objects.get(slug="workshop-extrusion")
    assert event.is_all_day
    assert (event.start, event.end) == (berlin(2030, 3, 31), berlin(2030, 4, 3))


def test_a_timed_event_needs_its_times(admin_client):
    response = admin_client.post(f"{CHANGELIST}add/", form_data(start_time=None))

    assert response.status_code == 200
    assert "Geben Sie eine Uhrzeit ein oder kreuzen Sie „ganztägig“ an." in (
        response.content.decode()
    )
    assert not Event.objects.filter(slug="workshop-extrusion").exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"end_time": "09:00"},  # same day, ends before it starts
        {"end_date": "2030-03-30", "end_time": "18:00"},  # the day before
    ],
)
def test_an_end_before_the_start_cannot_be_saved(admin_client, overrides):
    response = admin_client.post(f"{CHANGELIST}add/", form_data(**overrides))

    assert response.status_code == 200
    assert not Event.objects.filter(slug="workshop-extrusion").exists()
    page = response.content.decode()
    assert (
        "Das Ende darf nicht vor dem Beginn liegen." in page
        or "Der letzte Tag darf nicht vor dem ersten Tag liegen." in page
    )


def test_the_change_form_shows_local_times(admin_client):
    event = EventFactory(start=berlin(2030, 7, 1, 9, 30), end=berlin(2030, 7, 1, 17))

    page = admin_client.get(f"{CHANGELIST}{event.pk}/change/").content.decode()

    assert 'name="start_time" value="09:30"' in page
    assert 'name="end_time" value="17:00"' in page


def test_duplicating_copies_events_as_unpublished_with_new_slugs(admin_client):
    innovation = FieldOfActionFactory()
    original = EventFactory(
        slug="messe", is_featured=True, fields_of_action=[innovation]
    )

    response = admin_client.post(
        CHANGELIST,
        {"action": "duplicate", "_selected_action": [original.pk]},
        follow=True,
    )

    assert response.status_code == 200
    copy = Event.objects.exclude(pk=original.pk).get(title_de=original.title_de)
    assert copy.slug == "messe-2"
    assert not copy.is_published and not copy.is_featured
    assert copy.uid != original.uid
    assert (copy.start, copy.end) == (original.start, original.end)
    assert list(copy.fields_of_action.all()) == [innovation]
    assert "1 Kopie angelegt; sie ist unveröffentlicht." in response.content.decode()


def test_the_changelist_links_a_preview_of_unpublished_events(admin_client):
    event = EventFactory(is_published=False)

    page = admin_client.get(CHANGELIST).content.decode()

    assert (
        f'href="/de/termine/{event.slug}/" target="_blank" rel="noopener">Vorschau'
        in page
    )


def test_the_programme_and_photos_are_entered_on_the_event(admin_client):
    data = form_data(
        **inline_management("sessions", total=1),
        **{
            "sessions-0-start_0": "2030-03-31",
            "sessions-0-start_1": "10:00",
            "sessions-0-end_0": "2030-03-31",
            "sessions-0-end_1": "10:45",
            "sessions-0-order": "0",
            "sessions-0-title_de": "Eröffnung",
            "sessions-0-title_en": "Opening",
        },
    )
    response = admin_client.post(f"{CHANGELIST}add/", data)

    assert response.status_code == 302, response.content.decode()
    event = Event.objects.get(slug="workshop-extrusion")
    [session] = event.sessions.all()
    assert session.title_en == "Opening"
    assert session.start == berlin(2030, 3, 31, 10, 0)
    page = admin_client.get(f"{CHANGELIST}{event.pk}/change/").content.decode()
    assert "Programmpunkt" in page and "Fotos" in page
    assert f"/de/admin/events/session/{session.pk}/change/" in page


def test_a_photo_needs_its_description_in_both_languages(admin_client):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (40, 30), (10, 80, 100)).save(buffer, "JPEG")
    photo = {
        "photos-0-image": SimpleUploadedFile(
            "foto.jpg", buffer.getvalue(), content_type="image/jpeg"
        ),
        "photos-0-alt_de": "Das Podium",
        "photos-0-order": "0",
    }
    data = form_data(**inline_management("photos", total=1), **photo)
    response = admin_client.post(f"{CHANGELIST}add/", data)

    assert response.status_code == 200
    assert not Event.objects.filter(slug="workshop-extrusion").exists()

    photo["photos-0-image"].seek(0)
    data["photos-0-alt_en"] = "The panel"
    response = admin_client.post(f"{CHANGELIST}add/", data)
    assert response.status_code == 302, response.content.decode()
    [saved] = Event.objects.get(slug="workshop-extrusion").photos.all()
    assert (saved.width, saved.height, saved.alt_en) == (40, 30, "The panel")


def test_speakers_are_entered_on_their_session(admin_client):
    from events.models import Session
    from tests.members.factories import PersonFactory

    event = EventFactory()
    session = Session.objects.create(event=event, start=event.start, title_de="Podium")
    person = PersonFactory()
    url = f"/de/admin/events/session/{session.pk}/change/"
    local = timezone.localtime(session.start)
    data = {
        "event": event.pk,
        "start_0": local.strftime("%Y-%m-%d"),
        "start_1": local.strftime("%H:%M:%S"),
        "order": "0",
        "title_de": "Podium",
        "speakers-TOTAL_FORMS": "3",
        "speakers-INITIAL_FORMS": "0",
        "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "1000",
        "speakers-0-person": person.pk,
        "speakers-0-order": "0",
        "speakers-1-name": "Ida Gast",
        "speakers-1-affiliation": "Hochschule Merseburg",
        "speakers-1-order": "1",
        "speakers-2-person": person.pk,
        "speakers-2-name": "Beides",
        "speakers-2-order": "2",
    }

    response = admin_client.post(url, data)
    assert response.status_code == 200  # the third speaker is both: an error
    assert "nicht beides" in response.content.decode()

    for key in ("speakers-2-person", "speakers-2-name", "speakers-2-order"):
        del data[key]
    data["speakers-TOTAL_FORMS"] = "2"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    assert [s.display_name for s in session.speakers.all()] == [
        person.full_name,
        "Ida Gast",
    ]
