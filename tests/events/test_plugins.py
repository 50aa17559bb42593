import datetime
import re

import pytest
from cms.api import add_plugin
from cms.models import Placeholder
from cms.plugin_rendering import ContentRenderer
from django.contrib.auth.models import AnonymousUser
from django.template import Context
from django.test import RequestFactory
from django.utils import timezone
from django.utils.translation import override

from cluster_portal import cache as portal_cache

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def soon(days, **kwargs):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    return EventFactory(start=start, end=start + datetime.timedelta(hours=2), **kwargs)


def render(plugin_type, language="de", **data):
    placeholder = Placeholder.objects.create(slot="test")
    plugin = add_plugin(placeholder, plugin_type, language, **data)
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with override(language):
        return ContentRenderer(request=request).render_plugin(
            plugin, Context({"request": request})
        )


def home_section(response, heading):
    page = response.content.decode()
    match = re.search(rf"<h2[^>]*>{heading}</h2>(.*?)</section>", page, re.S)
    assert match, f"no section {heading!r}"
    return match.group(1)


@pytest.mark.parametrize(
    ("url", "heading", "title_field"),
    [("/de/", "Nächste Termine", "title_de"), ("/en/", "Next events", "title_en")],
)
def test_the_homepage_shows_the_next_three_events(
    client, no_events, url, heading, title_field
):
    events = [soon(days) for days in (3, 1, 2, 4)]

    section = home_section(client.get(url), heading)

    shown = [getattr(e, title_field) for e in (events[1], events[2], events[0])]
    positions = [section.index(title) for title in shown]
    assert positions == sorted(positions)
    assert getattr(events[3], title_field) not in section


def test_a_new_event_reaches_the_cached_homepage(client, no_events):
    soon(5, title_de="Erster Termin")
    assert "Erster Termin" in client.get("/de/").content.decode()

    soon(1, title_de="Kurzfristiger Termin")

    assert "Kurzfristiger Termin" in client.get("/de/").content.decode()


def test_a_deleted_event_leaves_the_cached_homepage(client, no_events):
    event = soon(5, title_de="Bald gestrichen")
    assert "Bald gestrichen" in client.get("/de/").content.decode()

    event.delete()

    assert "Bald gestrichen" not in client.get("/de/").content.decode()


def test_the_cache_expires_when_the_next_event_ends(no_events):
    event = soon(2)
    soon(5)

    assert portal_cache.next_change(timezone.now()) == event.end


def test_the_cache_expires_when_a_publication_window_opens(no_events):
    soon(5)
    opening = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=1)
    soon(3, publish_from=opening)

    assert portal_cache.next_change(timezone.now()) == opening


def test_the_featured_plugin_shows_only_featured_upcoming_events(no_events):
    soon(1, title_de="Gewöhnlicher Termin")
    soon(2, title_de="Hervorgehobene Messe", is_featured=True)
    EventFactory(
        title_de="Vergangene Messe",
        is_featured=True,
        start=timezone.now() - datetime.timedelta(days=3),
        end=timezone.now() - datetime.timedelta(days=2),
    )

    html = render("FeaturedEventsPlugin", count=3)

    assert "Hervorgehobene Termine" in html
    assert "Hervorgehobene Messe" in html
    assert "Gewöhnlicher Termin" not in html and "Vergangene Messe" not in html


def test_the_featured_plugin_is_empty_without_featured_events(no_events):
    soon(1)

    assert "<section" not in render("FeaturedEventsPlugin", count=3)


def test_the_next_events_plugin_says_when_nothing_is_planned(no_events):
    html = render("NextEventsPlugin", language="en", count=3)

    assert "There are no upcoming events at the moment." in html
    assert 'href="/en/events/"' in html
