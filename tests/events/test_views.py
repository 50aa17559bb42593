import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.members.factories import OrganizationFactory
from tests.portal.utils import PageOutline

from .factories import (
    AllDayEventFactory,
    CategoryFactory,
    EventFactory,
    FieldOfActionFactory,
    berlin,
)

pytestmark = pytest.mark.django_db

LIST = {"de": "/de/termine/", "en": "/en/events/"}


def html(response):
    return response.content.decode()


def titles(response):
    """The event titles a list page links, in order."""
    return re.findall(
        r'class="event-card__title"[^>]*>\s*<a href="[^"]+">([^<]+)</a>', html(response)
    )


def month_cells(response):
    """Each day of the month view's table with the HTML of its cell."""
    cells = {}
    for cell in html(response).split("<td")[1:]:
        match = re.search(r'datetime="(\d{4}-\d\d-\d\d)"', cell)
        if match:
            cells[datetime.date.fromisoformat(match.group(1))] = cell.split("</td>")[0]
    return cells


# --- Upcoming list -----------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_list_shows_upcoming_events_soonest_first(client, no_events, language):
    later = EventFactory(start=berlin(2031, 5, 1, 10), end=berlin(2031, 5, 1, 12))
    sooner = EventFactory(start=berlin(2030, 5, 1, 10), end=berlin(2030, 5, 1, 12))
    EventFactory(start=berlin(2020, 5, 1, 10), end=berlin(2020, 5, 1, 12))
    EventFactory(is_published=False)

    response = client.get(LIST[language])

    assert response.status_code == 200
    outline = PageOutline(html(response))
    assert outline.h1_count == 1 and outline.html_lang == language
    expected = [getattr(e, f"title_{language}") for e in (sooner, later)]
    assert titles(response) == expected


def test_dates_are_written_in_the_visitors_language(client, no_events):
    EventFactory(start=berlin(2030, 5, 1, 10), end=berlin(2030, 5, 1, 16))

    german, english = html(client.get(LIST["de"])), html(client.get(LIST["en"]))

    assert "1. Mai 2030</time>, <time" in german
    assert "bis <time" in german and "16:00</time> Uhr" in german
    assert "May 1, 2030</time>" in english and "4 p.m.</time>" in english


def test_a_cancelled_event_stays_listed_and_marked(client, no_events):
    EventFactory(is_cancelled=True, title_de="Abgesagte Tagung")

    page = html(client.get(LIST["de"]))

    assert "Abgesagte Tagung" in page
    assert 'class="event-status">Abgesagt<' in page


def test_each_filter_narrows_the_list_and_they_combine(client, no_events):
    fair = CategoryFactory(slug="messe", name_de="Messe", name_en="Trade fair")
    innovation = FieldOfActionFactory()
    organizer = OrganizationFactory()
    a = EventFactory(category=fair, federal_state="sachsen", organizer=organizer)
    b = EventFactory(category=fair, fields_of_action=[innovation])
    c = EventFactory(federal_state="thueringen", fields_of_action=[innovation])
    online = EventFactory(
        venue_name="", city="", federal_state="", online_url="https://example.org/live"
    )

    def listed(query):
        response = client.get(LIST["de"] + query)
        assert response.status_code == 200
        return set(titles(response))

    assert listed("?category=messe") == {a.title_de, b.title_de}
    assert listed("?field=innovation") == {b.title_de, c.title_de}
    assert listed("?state=sachsen") == {a.title_de}
    assert listed(f"?organizer={organizer.slug}") == {a.title_de}
    assert listed("?category=messe&field=innovation") == {b.title_de}
    assert listed("?category=&state=") == {e.title_de for e in (a, b, c, online)}


def organiser_options(response):
    select = re.search(r'<select name="organizer".*?</select>', html(response), re.S)
    return re.findall(r"<option [^>]*>([^<]*)</option>", select.group())


def test_the_organiser_filter_follows_events_and_organisations_at_once(
    client, no_events
):
    EventFactory(organizer=OrganizationFactory(name="Erste GmbH"))
    later = OrganizationFactory(name="Spätere GmbH")

    assert organiser_options(client.get(LIST["de"])) == ["Alle", "Erste GmbH"]

    EventFactory(organizer=later)
    assert "Spätere GmbH" in organiser_options(client.get(LIST["de"]))

    later.name = "Umbenannte GmbH"
    later.save()
    options = organiser_options(client.get(LIST["de"] + "?q=x"))
    assert options == ["Alle", "Erste GmbH", "Umbenannte GmbH"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?category=kochkurs", "„kochkurs“ ist keine der möglichen Auswahlen."),
        ("?field=nichts", "„nichts“ ist keine der möglichen Auswahlen."),
        ("?state=bayern", "„bayern“ ist keine der möglichen Auswahlen."),
        ("?organizer=niemand", "„niemand“ ist keine der möglichen Auswahlen."),
    ],
)
def test_an_unknown_filter_is_a_404_that_says_why(client, query, message):
    response = client.get(LIST["de"] + query)

    assert response.status_code == 404
    page = html(response)
    assert "Dieser Filter ist unbekannt" in page
    assert message in page


def test_an_unknown_filter_is_explained_in_english_too(client):
    response = client.get(LIST["en"] + "?category=cooking")

    assert response.status_code == 404
    assert "This filter is unknown" in html(response)
    assert "“cooking” is not one of the choices." in html(response)


def test_pages_of_twenty_keep_the_filters(client, no_events):
    for number in range(25):
        EventFactory(start=berlin(2030, 1, 1, 10) + datetime.timedelta(days=number))

    first = client.get(LIST["de"] + "?state=sachsen-anhalt")
    second = client.get(LIST["de"] + "?state=sachsen-anhalt&page=2")

    assert len(titles(first)) == 20 and len(titles(second)) == 5
    assert 'href="?state=sachsen-anhalt&amp;page=2"' in html(first)
    assert "Seite 2 von 2" in html(second)


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99", "1.5"])
def test_a_bad_page_number_is_404(client, page):
    assert client.get(f"{LIST['de']}?page={page}").status_code == 404


def test_views_accept_only_safe_methods(client):
    assert client.post(LIST["de"]).status_code == 405


# --- Archive -----------------------------------------------------------------


def test_the_archive_lists_a_past_year_latest_first(client, no_events):
    early = EventFactory(start=berlin(2024, 2, 1, 10), end=berlin(2024, 2, 1, 12))
    late = EventFactory(start=berlin(2024, 11, 1, 10), end=berlin(2024, 11, 1, 12))
    EventFactory(start=berlin(2023, 5, 1, 10), end=berlin(2023, 5, 1, 12))

    response = client.get("/de/termine/2024/")

    assert response.status_code == 200
    assert titles(response) == [late.title_de, early.title_de]
    assert "Vergangene Termine 2024" in html(response)
    assert 'href="/de/termine/2023/"' in html(response)


def test_the_archive_in_english(client, no_events):
    EventFactory(start=berlin(2024, 2, 1, 10), end=berlin(2024, 2, 1, 12))

    response = client.get("/en/events/2024/")

    assert response.status_code == 200
    assert "<h1>Past events 2024</h1>" in html(response)


@pytest.mark.parametrize("year", ["0", "99999", "1990", "2099"])
def test_an_archive_year_without_past_events_is_404(client, year):
    assert client.get(f"/de/termine/{year}/").status_code == 404


def test_the_schkopau_meeting_of_2007_is_in_the_archive(client):
    response = client.get("/de/termine/2007/")

    assert response.status_code == 200
    assert "Erstes bundesweites Treffen von Clusterinitiativen" in html(response)


# --- Month view --------------------------------------------------------------


def test_the_month_view_is_an_accessible_table(client, no_events):
    response = client.get("/de/termine/2030/5/")

    page = html(response)
    assert response.status_code == 200
    assert "<caption>Mai 2030</caption>" in page
    assert '<th scope="col"><abbr title="Montag">Mo</abbr></th>' in page
    assert '<meta name="robots" content="noindex, follow">' in page
    assert 'href="/de/termine/2030/4/" rel="prev nofollow"' in page
    assert 'href="/de/termine/2030/6/" rel="next nofollow"' in page


def test_the_month_view_in_english(client, no_events):
    page = html(client.get("/en/events/2030/12/"))

    assert "<caption>December 2030</caption>" in page
    assert 'href="/en/events/2031/1/" rel="next nofollow"' in page


def test_each_event_is_on_every_day_it_covers(client, no_events):
    fair = EventFactory(
        title_de="Messe über den Monatswechsel",
        start=berlin(2030, 4, 29, 9),
        end=berlin(2030, 5, 2, 17),
    )

    april = month_cells(client.get("/de/termine/2030/4/"))
    may = month_cells(client.get("/de/termine/2030/5/"))

    assert fair.title_de in april[datetime.date(2030, 4, 29)]
    assert "ab <time" in april[datetime.date(2030, 4, 29)]
    assert fair.title_de in april[datetime.date(2030, 4, 30)]
    assert "Fortsetzung" in april[datetime.date(2030, 4, 30)]
    assert fair.title_de in may[datetime.date(2030, 5, 2)]
    assert "bis <time" in may[datetime.date(2030, 5, 2)]
    assert fair.title_de not in may[datetime.date(2030, 5, 3)]


def test_an_all_day_event_on_the_last_day_of_a_month_stays_in_that_month(
    client, no_events
):
    event = AllDayEventFactory(
        title_de="Tag der offenen Tür",
        start_date=datetime.date(2030, 3, 31),
        end_date=datetime.date(2030, 3, 31),
    )

    march = month_cells(client.get("/de/termine/2030/3/"))
    april = html(client.get("/de/termine/2030/4/"))

    assert event.title_de in march[datetime.date(2030, 3, 31)]
    assert "ganztägig" in march[datetime.date(2030, 3, 31)]
    assert event.title_de not in march[datetime.date(2030, 3, 30)]
    assert event.title_de not in april


def test_an_event_spanning_midnight_shows_its_local_times(client, no_events):
    event = EventFactory(
        title_de="Lange Nacht der Chemie",
        start=berlin(2030, 3, 30, 22, 0),
        end=berlin(2030, 3, 31, 4, 0),  # through the switch to summer time
    )

    cells = month_cells(client.get("/de/termine/2030/3/"))

    assert event.title_de in cells[datetime.date(2030, 3, 30)]
    assert (
        'datetime="2030-03-30T22:00:00+01:00">22:00<'
        in cells[datetime.date(2030, 3, 30)]
    )
    assert (
        'datetime="2030-03-31T04:00:00+02:00">04:00<'
        in cells[datetime.date(2030, 3, 31)]
    )


def test_the_month_view_shows_the_switch_back_to_winter_time(client, no_events):
    EventFactory(start=berlin(2030, 10, 27, 1, 30), end=berlin(2030, 10, 27, 3, 30))

    cells = month_cells(client.get("/de/termine/2030/10/"))

    assert 'datetime="2030-10-27T01:30:00+02:00"' in cells[datetime.date(2030, 10, 27)]
    assert 'datetime="2030-10-27T03:30:00+01:00"' in cells[datetime.date(2030, 10, 27)]


def test_filters_apply_to_the_month_view(client, no_events):
    fair = CategoryFactory(slug="messe", name_de="Messe")
    shown = EventFactory(
        category=fair, start=berlin(2030, 5, 6, 9), end=berlin(2030, 5, 6, 17)
    )
    hidden = EventFactory(start=berlin(2030, 5, 7, 9), end=berlin(2030, 5, 7, 17))

    page = html(client.get("/de/termine/2030/5/?category=messe"))

    assert shown.title_de in page and hidden.title_de not in page
    assert 'href="/de/termine/2030/6/?category=messe"' in page


@pytest.mark.parametrize(
    "path", ["2030/13/", "2030/0/", "0/1/", "99999/1/", "1899/12/", "2200/1/"]
)
def test_a_month_outside_the_calendar_is_404(client, path):
    assert client.get(f"/de/termine/{path}").status_code == 404


def test_an_unknown_filter_on_the_month_view_is_404(client):
    response = client.get("/de/termine/2030/5/?field=kochen")

    assert response.status_code == 404
    assert "Dieser Filter ist unbekannt" in html(response)


# --- Detail ------------------------------------------------------------------


def json_ld(response):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', html(response), re.S
    )
    return json.loads(match.group(1))


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_detail_page_in_both_languages(client, language):
    organizer = OrganizationFactory(name="Beispiel Kunststoff GmbH")
    event = EventFactory(
        organizer=organizer,
        start=berlin(2030, 9, 3, 9, 30),
        end=berlin(2030, 9, 3, 17),
        registration_url="https://example.org/anmeldung",
        registration_deadline=datetime.date(2030, 8, 31),
        fields_of_action=[FieldOfActionFactory()],
    )
    prefix = "termine" if language == "de" else "events"

    response = client.get(f"/{language}/{prefix}/{event.slug}/")

    page = html(response)
    outline = PageOutline(page)
    assert response.status_code == 200
    assert outline.h1_count == 1
    assert getattr(event, f"title_{language}") in outline.title
    assert "Beispiel Kunststoff GmbH" in page
    assert "https://example.org/anmeldung" in page
    assert f'href="/{language}/{prefix}/{event.slug}.ics"' in page
    assert "Walter-Hülse-Straße 1" in page
    if language == "de":
        assert "3. September 2030</time>, <time" in page
        assert "Anmeldeschluss ist der 31. August 2030." in page
    else:
        assert "Sept. 3, 2030</time>" in page and "9:30 a.m.</time>" in page


def test_the_language_switcher_keeps_the_event(client):
    event = EventFactory()

    outline = PageOutline(html(client.get(f"/de/termine/{event.slug}/")))

    assert outline.language_links == {"en": f"/en/events/{event.slug}/"}


def test_a_first_visit_reuses_the_menu_and_breadcrumbs_of_another_event(client):
    client.get(f"/de/termine/{EventFactory().slug}/")

    with CaptureQueriesContext(connection) as queries:
        page = html(client.get(f"/de/termine/{EventFactory().slug}/"))

    assert not any("menus_cachekey" in query["sql"] for query in queries)
    breadcrumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', page, re.S)[0]
    assert 'aria-current="page">Termine' in breadcrumbs


def test_the_detail_page_carries_schema_org_event_data(client):
    organizer = OrganizationFactory(
        name="Beispiel Kunststoff GmbH", website="https://example.org"
    )
    event = EventFactory(
        organizer=organizer,
        start=berlin(2030, 7, 3, 9, 30),
        end=berlin(2030, 7, 4, 17),
        online_url="https://example.org/live",
    )

    data = json_ld(client.get(f"/en/events/{event.slug}/"))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == event.title_en
    assert data["startDate"] == "2030-07-03T09:30:00+02:00"
    assert data["endDate"] == "2030-07-04T17:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["@type"] == "Place"
    assert place["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Walter-Hülse-Straße 1",
        "postalCode": "06120",
        "addressLocality": "Halle (Saale)",
        "addressRegion": "Saxony-Anhalt",
        "addressCountry": "DE",
    }
    assert virtual == {"@type": "VirtualLocation", "url": "https://example.org/live"}
    # The organiser's @id is the node on its Clusteratlas page.
    organizer_id = data["organizer"]["@id"]
    assert organizer_id.startswith("http://testserver/en/")
    assert organizer_id.endswith("/beispiel-kunststoff-gmbh/#organization")
    assert data["organizer"] == {
        "@type": "Organization",
        "@id": organizer_id,
        "name": "Beispiel Kunststoff GmbH",
        "url": "https://example.org",
    }


def test_structured_data_of_cancelled_online_and_all_day_events(client):
    event = AllDayEventFactory(
        is_cancelled=True,
        venue_name="",
        city="",
        street="",
        postcode="",
        federal_state="",
        online_url="https://example.org/live",
        start_date=datetime.date(2030, 1, 31),
        end_date=datetime.date(2030, 2, 1),
    )

    data = json_ld(client.get(f"/de/termine/{event.slug}/"))

    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://example.org/live",
    }
    assert (data["startDate"], data["endDate"]) == ("2030-01-31", "2030-02-01")


def test_structured_data_cannot_break_out_of_its_script(client):
    event = EventFactory(title_de='Tagung </script><script>alert("x")</script> & mehr')

    response = client.get(f"/de/termine/{event.slug}/")

    page = html(response)
    assert '</script><script>alert("x")' not in page
    assert json_ld(response)["name"] == event.title_de


def test_a_cancelled_event_says_so(client):
    event = EventFactory(is_cancelled=True, registration_url="https://example.org/a")

    page = html(client.get(f"/de/termine/{event.slug}/"))

    assert "Dieser Termin wurde abgesagt." in page
    assert "https://example.org/a" not in page


def test_an_unpublished_event_is_404_for_visitors_and_a_preview_for_editors(
    client, editor
):
    event = EventFactory(is_published=False)
    url = f"/de/termine/{event.slug}/"

    assert client.get(url).status_code == 404
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "Vorschau: Dieser Termin ist nicht veröffentlicht." in html(response)
    assert '<meta name="robots" content="noindex, nofollow">' in html(response)
    assert "no-store" in response["Cache-Control"]


def test_an_event_outside_its_publication_window_is_404(client):
    event = EventFactory(publish_until=timezone.now() - datetime.timedelta(minutes=1))

    assert client.get(f"/de/termine/{event.slug}/").status_code == 404


@pytest.mark.parametrize("slug", ["gibt-es-nicht", "feed"])
def test_an_unknown_event_is_404(client, slug):
    assert client.get(f"/de/termine/{slug}/").status_code == 404
