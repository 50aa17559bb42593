import datetime

import pytest

from events.models import Event

from .factories import CategoryFactory, EventFactory, FieldOfActionFactory, berlin

pytestmark = pytest.mark.django_db

CHANGELIST = "/de/admin/events/event/"


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
