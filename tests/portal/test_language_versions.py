"""Every kind of page names the language versions that exist, and the switcher
leads to the same object in the other language, or says it is not there."""

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Event, EventDocument
from members.models import Organization
from newsletter.models import Issue, NewsItem
from tests.events.factories import EventDocumentFactory, EventFactory
from tests.members.factories import OrganizationFactory
from tests.newsletter.factories import IssueFactory, NewsItemFactory
from tests.portal.crawl import PageHead

pytestmark = pytest.mark.django_db


def url_in(language, obj):
    with translation.override(language):
        return obj.get_absolute_url()


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return PageHead(response.content.decode())


@pytest.mark.parametrize(
    "make",
    [
        lambda: OrganizationFactory(),
        lambda: EventFactory(),
        lambda: EventDocumentFactory(),
        lambda: NewsItemFactory(title_de="Neue Halle", title_en="New hall"),
        lambda: IssueFactory(),
    ],
    ids=["organisation", "event", "document", "news", "cknews"],
)
def test_the_switcher_leads_to_the_same_object_in_the_other_language(client, make):
    obj = make()
    german, english = url_in("de", obj), url_in("en", obj)

    german_head = head_of(client, german)
    english_head = head_of(client, english)

    assert german_head.switcher == {"en": english}
    assert english_head.switcher == {"de": german}
    assert german_head.hreflangs == english_head.hreflangs
    assert set(german_head.hreflangs) == {"de", "en"}
    assert german_head.hreflangs["en"].endswith(english)


@pytest.mark.parametrize(
    "make",
    [
        lambda: OrganizationFactory(description_en=""),
        lambda: EventFactory(title_en="", teaser_en="", description_en=""),
        lambda: EventDocumentFactory(title_en="", description_en=""),
        lambda: NewsItemFactory(title_de="Nur deutsch", title_en="", teaser_en=""),
        lambda: IssueFactory(theme_en=""),
    ],
    ids=["organisation", "event", "document", "news", "cknews"],
)
def test_an_untranslated_object_names_no_english_version_and_says_so(client, make):
    obj = make()
    german, english = url_in("de", obj), url_in("en", obj)

    german_head = head_of(client, german)
    english_head = head_of(client, english)

    assert set(german_head.hreflangs) == {"de"}
    assert german_head.switcher == {"en": english}
    assert german_head.switcher_missing == {"en"}
    # The English URL shows the German text: not a page of its own.
    assert english_head.meta.get("robots") == "noindex"
    assert english_head.canonical == []
    assert english_head.hreflangs == german_head.hreflangs


def test_the_sitemap_leaves_out_untranslated_objects_in_that_language(client):
    item = NewsItemFactory(title_de="Nur auf Deutsch", title_en="", teaser_en="")

    news = client.get("/sitemap-news.xml").content.decode()

    assert url_in("de", item) in news
    assert f"/en/news/{item.pk}-" not in news


def test_an_account_page_links_its_english_twin(client):
    with translation.override("en"):
        english = reverse("password_reset")

    head = head_of(client, reverse("password_reset"))

    assert english == "/en/forgot-password/"
    assert head.switcher == {"en": english}
    assert head.hreflangs["en"].endswith(english)


def sitemap_count(client, section):
    return client.get(f"/sitemap-{section}.xml").content.decode().count("<url>")


def languages_written(queryset, field):
    german = queryset.exclude(**{f"{field}_de": ""}).count()
    english = queryset.exclude(**{f"{field}_en": ""}).count()
    return german + english


def test_each_sitemap_section_counts_what_the_database_publishes(client):
    organisations = Organization.objects.published()
    described = organisations.exclude(description_de="", description_en="")
    expected = {
        "organisations": languages_written(described, "description")
        + 2 * (organisations.count() - described.count()),
        "events": languages_written(Event.objects.published(), "title"),
        "ckreihe": languages_written(EventDocument.objects.all(), "title"),
        "cknews": languages_written(Issue.objects.for_archive(), "theme"),
        "news": languages_written(NewsItem.objects.visible(), "title"),
    }

    counted = {section: sitemap_count(client, section) for section in expected}

    assert counted == expected
    assert all(counted.values())


GERMAN_ONLY_NOTICE = "This entry is only available in German."


@pytest.mark.parametrize(
    "make, marked",
    [
        (lambda: OrganizationFactory(description_en=""), "organization__description"),
        (lambda: EventFactory(title_en="", teaser_en="", description_en=""), "h1"),
        (lambda: EventDocumentFactory(title_en="", description_en=""), "h1"),
        (lambda: NewsItemFactory(title_de="Nur so", title_en="", teaser_en=""), "h1"),
        (lambda: IssueFactory(theme_en=""), "h1"),
    ],
    ids=["organisation", "event", "document", "news", "cknews"],
)
def test_the_english_page_of_a_german_only_entry_says_so(client, make, marked):
    obj = make()

    english = client.get(url_in("en", obj)).content.decode()
    german = client.get(url_in("de", obj)).content.decode()

    assert english.count(GERMAN_ONLY_NOTICE) == 1
    # The German text shown instead is marked as German (WCAG 3.1.2).
    if marked == "h1":
        assert '<h1 lang="de">' in english
    else:
        assert f'class="{marked}" lang="de"' in english
    assert GERMAN_ONLY_NOTICE not in german
    assert 'lang="de">' not in german.split("<main", 1)[1]


@pytest.mark.parametrize(
    "make",
    [
        lambda: OrganizationFactory(),
        lambda: EventFactory(),
        lambda: NewsItemFactory(title_de="Neue Halle", title_en="New hall"),
    ],
    ids=["organisation", "event", "news"],
)
def test_a_translated_entry_has_no_notice(client, make):
    obj = make()

    english = client.get(url_in("en", obj)).content.decode()

    assert GERMAN_ONLY_NOTICE not in english
    assert 'role="note"' not in english
    assert 'lang="de"' not in english.split("<main", 1)[1]


def test_the_german_page_of_an_english_only_entry_says_so_in_german(client):
    organization = OrganizationFactory(description_de="", description_en="In English.")

    with translation.override("de"):
        german = client.get(url_in("de", organization)).content.decode()

    assert "Diesen Eintrag gibt es nur auf Englisch." in german


def test_other_pages_have_no_notice(client):
    for url in ("/en/", "/en/events/", "/en/does-not-exist/"):
        assert GERMAN_ONLY_NOTICE not in client.get(url).content.decode()


def test_an_untranslated_page_names_the_entry_in_its_language_for_sharing(client):
    event = EventFactory(title_en="", teaser_en="", description_en="")

    english_head = head_of(client, url_in("en", event))

    assert english_head.meta["og:url"].endswith(url_in("de", event))


def test_lists_mark_the_german_titles_of_german_only_entries(client):
    event = EventFactory(title_de="Nur auf Deutsch", title_en="", teaser_en="")

    english = client.get("/en/events/").content.decode()
    german = client.get("/de/termine/").content.decode()

    assert f'href="{url_in("en", event)}" lang="de">Nur auf Deutsch</a>' in english
    assert f'href="{url_in("de", event)}">Nur auf Deutsch</a>' in german
