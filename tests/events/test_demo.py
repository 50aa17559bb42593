import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from events.models import Category, Event

pytestmark = pytest.mark.django_db


def test_the_demo_has_about_thirty_events_of_every_kind():
    events = Event.objects.all()

    assert 28 <= events.count() <= 35
    assert set(events.values_list("category__slug", flat=True)) == set(
        Category.objects.values_list("slug", flat=True)
    )
    now = timezone.now()
    assert events.filter(end__gt=now).count() >= 10
    assert events.filter(end__lte=now).count() >= 10
    assert events.filter(is_all_day=True).exists()
    assert events.filter(is_cancelled=True).exists()
    assert events.filter(city="", online_url__gt="").exists()
    assert events.filter(category__slug="messe", end_date__gt=F("start_date")).exists()
    assert all(event.title_de for event in events)
    # One is written in German only on purpose, for the translation view.
    assert [event.slug for event in events if not event.title_en] == [
        "werkstattgespraech-rezyklate-im-spritzguss"
    ]


def test_the_2007_meeting_in_schkopau_is_there():
    event = Event.objects.get(
        title_de__startswith="Erstes bundesweites Treffen von Clusterinitiativen"
    )

    assert event.start_date.year == 2007
    assert event.city == "Schkopau"
    assert not event.is_sample


def test_sample_events_are_marked_as_fictional():
    samples = Event.objects.filter(is_sample=True)

    assert samples.count() >= 28
    assert all("Fiktiver Beispieltermin" in event.description_de for event in samples)


def test_organisers_come_from_the_clusteratlas_demo():
    assert Event.objects.filter(organizer__slug="infraleuna-gmbh").exists()


def test_running_it_again_changes_nothing():
    before = list(Event.objects.values_list("slug", "start", "sequence", "updated"))

    output = StringIO()
    call_command("load_demo_events", stdout=output)

    after = list(Event.objects.values_list("slug", "start", "sequence", "updated"))
    assert after == before
    assert "0 created" in output.getvalue()


def test_dates_are_relative_to_the_day_it_runs():
    Event.objects.all().delete()

    call_command("load_demo_events", stdout=StringIO())

    today = timezone.localdate()
    first = Event.objects.get(slug="clusterforum-kunststoffrecycling")
    assert first.start_date == today + datetime.timedelta(days=9)
