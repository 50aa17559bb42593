"""German spelling, ranking, facets, pagination and bad input, over HTTP."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.factories import EventFactory
from tests.members.factories import OrganizationFactory, PersonFactory
from tests.newsletter.factories import NewsItemFactory

from .conftest import search_url

pytestmark = pytest.mark.django_db


def test_inflected_german_words_find_each_other(find):
    OrganizationFactory(
        name="Polymerwerk Xylon GmbH", description_de="Kunststoff aus Xylonien."
    )
    EventFactory(title_de="Treffen der Xylon-Chemieparks")

    assert "Polymerwerk Xylon GmbH" in find("Kunststoffe Xylonien")
    assert find("Chemiepark Xylon") == ["Treffen der Xylon-Chemieparks"]


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Müllerhütte", "Muellerhuette"),
        ("Straßenfest", "Strassenfest"),
        ("Groesselbach", "Grösselbach"),
    ],
)
def test_umlauts_and_sharp_s_match_their_transliterations(find, written, typed):
    NewsItemFactory(title_de=f"Meldung {written}")

    assert find(typed) == [f"Meldung {written}"]


def test_a_small_typo_shows_the_results_of_the_right_word(client):
    NewsItemFactory(title_de="Neues Recyclingzentrum", teaser_de="Recycling in Zeitz.")

    response = client.get(search_url("de"), {"q": "Recylcing"})

    assert response.context["outcome"].corrected == "recycling"
    assert "Neues Recyclingzentrum" in response.content.decode()
    assert (
        "Angezeigt werden die Ergebnisse für „recycling“" in response.content.decode()
    )


def test_a_number_is_never_corrected_to_another(client):
    NewsItemFactory(title_de="Recyclingtag 2031", teaser_de="Recycling in Zeitz.")

    typo = client.get(search_url("de"), {"q": "Recylcing 2031"})
    other_year = client.get(search_url("de"), {"q": "Recycling 2032"})

    assert typo.context["outcome"].corrected == "recycling 2031"
    assert other_year.context["outcome"].total == 0
    assert other_year.context["outcome"].corrected == ""
    assert other_year.context["outcome"].suggestion == ""


def test_an_exact_name_ranks_first(find):
    NewsItemFactory(
        title_de="Neues von Quarzleuna",
        teaser_de="Quarzleuna Quarzleuna Quarzleuna baut aus.",
    )
    OrganizationFactory(name="Quarzleuna", description_de="Standortbetreiber.")

    assert find("Quarzleuna") == ["Quarzleuna", "Neues von Quarzleuna"]


def test_a_title_match_ranks_above_a_body_match(find):
    NewsItemFactory(title_de="Bericht vom Tag", teaser_de="Es ging um Zirkoniumoxid.")
    NewsItemFactory(title_de="Zirkoniumoxid im Fokus", teaser_de="Ein Bericht.")

    assert find("Zirkoniumoxid") == ["Zirkoniumoxid im Fokus", "Bericht vom Tag"]


def test_recent_items_rank_above_old_ones_when_relevance_ties(find):
    for year in (2019, 2025, 2022):
        NewsItemFactory(
            title_de=f"Hafniummeldung {year}",
            teaser_de="Gleicher Text.",
            date=datetime.date(year, 5, 1),
        )

    assert find("Hafniummeldung") == [
        "Hafniummeldung 2025",
        "Hafniummeldung 2022",
        "Hafniummeldung 2019",
    ]


def test_facets_count_each_kind_and_filter_by_it(client):
    OrganizationFactory(name="Cerium Labor GmbH")
    for number in range(3):
        NewsItemFactory(title_de=f"Ceriummeldung {number}")

    outcome = client.get(search_url("de"), {"q": "Cerium"}).context["outcome"]
    assert {facet.kind: facet.count for facet in outcome.facets} == {
        "organization": 1,
        "news": 3,
    }

    filtered = client.get(search_url("de"), {"q": "Cerium", "kind": "organization"})
    assert [entry.title for entry in filtered.context["outcome"].page] == [
        "Cerium Labor GmbH"
    ]
    assert 'href="/de/suche/?q=Cerium&amp;kind=news"' in filtered.content.decode()


def test_a_kind_without_matches_keeps_the_other_kinds_facets(client):
    NewsItemFactory(title_de="Praseodymmeldung")

    response = client.get(search_url("de"), {"q": "Praseodym", "kind": "event"})

    assert response.status_code == 200
    outcome = response.context["outcome"]
    assert list(outcome.page) == []
    assert [(facet.kind, facet.count) for facet in outcome.facets] == [("news", 1)]


def test_results_are_paginated_in_the_url(client):
    for number in range(13):
        NewsItemFactory(title_de=f"Lanthanmeldung {number:02d}")

    first = client.get(search_url("de"), {"q": "Lanthan"})
    second = client.get(search_url("de"), {"q": "Lanthan", "page": 2})

    assert len(first.context["outcome"].page) == 10
    assert len(second.context["outcome"].page) == 3
    assert 'href="/de/suche/?q=Lanthan&amp;page=2" rel="next"' in first.content.decode()
    assert "Seite 2 von 2" in second.content.decode()


@pytest.mark.parametrize("page", ["3", "0", "-1", "abc", "99999999999999999999"])
def test_a_page_that_does_not_exist_is_a_404(client, page):
    NewsItemFactory(title_de="Einzige Yttriummeldung")

    assert (
        client.get(search_url("de"), {"q": "Yttrium", "page": page}).status_code == 404
    )


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("", "Bitte geben Sie ein, wonach Sie suchen."),
        ("   ", "Bitte geben Sie ein, wonach Sie suchen."),
        ("& | ! : *", "Ihre Suche enthält keine Wörter"),
        ("🧪🧪", "Ihre Suche enthält keine Wörter"),
        ("' OR 1=1 --", "Zu „&#x27; OR 1=1 --“ wurde nichts gefunden."),
        ("بحث كيمياء", "Zu „بحث كيمياء“ wurde nichts gefunden."),
        (
            "<script>alert(1)</script>",
            "Zu „&lt;script&gt;alert(1)&lt;/script&gt;“ wurde nichts gefunden.",
        ),
        ("Kunststoff & !Chemie:* | (", "Ergebnis"),
    ],
)
def test_odd_queries_get_a_clear_answer(client, query, note):
    response = client.get(search_url("de"), {"q": query})

    assert response.status_code == 200
    assert note in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_an_overlong_query_gets_a_form_error(client):
    response = client.get(search_url("de"), {"q": "Chemie " * 300})

    assert response.status_code == 200
    assert "höchstens 200 Zeichen" in response.content.decode()
    assert response.context["outcome"] is None


def test_an_unknown_kind_gets_a_note(client):
    response = client.get(search_url("en"), {"q": "Chemie", "kind": "spaceship"})

    assert response.status_code == 200
    assert "There is no such kind of result." in response.content.decode()


def test_highlighted_snippets_are_escaped(client):
    NewsItemFactory(title_de="Meldung Skandium", teaser_de="Skandium <b>fett</b> & Co.")

    page = client.get(search_url("de"), {"q": "Skandium"}).content.decode()

    snippet = page.split('class="search-result__snippet">', 1)[1].split("</p>")[0]
    assert snippet.startswith("<mark>Skandium</mark>")
    assert "<b>" not in snippet
    # PostgreSQL's ts_headline drops the tag, FTS5 keeps it as text.
    assert "fett" in snippet
    assert "&amp; Co." in snippet


def test_the_results_page_sets_no_cookie(client):
    response = client.get(search_url("de"), {"q": "Chemie"})

    assert response.cookies == {}
    assert not response.has_header("Set-Cookie")


def test_the_query_count_does_not_grow_with_the_results(client):
    def queries_for(count):
        for number in range(count):
            organization = OrganizationFactory(name=f"Gallium {count} {number} GmbH")
            PersonFactory(last_name=f"Galliumfrau{number}", organization=organization)
            NewsItemFactory(title_de=f"Galliummeldung {count} {number}")
        # The first request warms django CMS's menu and URL caches.
        client.get(search_url("de"), {"q": f"Gallium {count}"})
        with CaptureQueriesContext(connection) as queries:
            response = client.get(search_url("de"), {"q": f"Gallium {count}"})
        assert response.context["outcome"].total == 3 * count
        # django CMS's own menu and page-URL look-ups vary with its caches.
        return [q["sql"] for q in queries.captured_queries if "search_" in q["sql"]]

    few, many = queries_for(2), queries_for(40)
    # PostgreSQL counts and fetches the page in one query, SQLite in two.
    assert len(few) == len(many) <= 4


def test_the_header_search_is_on_every_page(client):
    for url in ("/de/", "/en/", "/de/suche/?q=Chemie"):
        page = client.get(url, follow=True).content.decode()
        assert 'role="search"' in page
        assert 'for="site-search-q"' in page
