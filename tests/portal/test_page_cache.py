"""The visitors' page cache, in one process (local-memory cache, or Redis
where a test says so)."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from cluster_portal import cache as portal_cache
from events.models import Event, EventDocument
from members.models import Organization
from newsletter.models import NewsItem
from tests.events.ckreihe import PASSWORD, download_url, make_member, read_body
from tests.events.factories import EventDocumentFactory
from tests.portal.test_faults import LIVE_REDIS_URL

pytestmark = pytest.mark.django_db


def app_url(client, name, **kwargs):
    client.get("/de/")  # loads the apphooks' URLs
    with translation.override("de"):
        return reverse(name, kwargs=kwargs)


def detail_url(client, obj):
    client.get("/de/")
    with translation.override("de"):
        return obj.get_absolute_url()


@pytest.fixture
def public_urls(client):
    """One URL of every public page type, from the demo content."""
    return [
        "/de/",
        "/en/",
        "/de/das-cluster/",
        app_url(client, "members:organization-list"),
        app_url(client, "members:organization-list") + "?state=sachsen-anhalt",
        detail_url(client, Organization.objects.filter(is_published=True).first()),
        app_url(client, "events:event-list"),
        "/de/termine/2030/6/",
        detail_url(client, Event.objects.published().first()),
        app_url(client, "ckreihe:document-list"),
        app_url(client, "news:news-list"),
        detail_url(client, NewsItem.objects.visible().first()),
        app_url(client, "newsletter:issue-list"),
        app_url(client, "newsletter:subscribe"),
    ]


def test_a_hit_makes_no_query_and_repeats_the_miss_exactly(
    client, public_urls, django_assert_num_queries
):
    for url in public_urls:
        miss = client.get(url)
        assert miss.status_code == 200, url

        with django_assert_num_queries(0):
            hit = client.get(url)

        assert hit.content == miss.content, url
        assert hit.headers == miss.headers, url


def test_hits_carry_the_security_and_language_headers(client):
    client.get("/en/")
    hit = client.get("/en/")

    assert hit["Content-Language"] == "en"
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["Referrer-Policy"] == "same-origin"
    assert hit["X-Frame-Options"] == "SAMEORIGIN"
    assert "Set-Cookie" not in hit


def test_the_query_string_order_does_not_matter(client, django_assert_num_queries):
    client.get("/de/termine/?category=messe&state=sachsen-anhalt")

    with django_assert_num_queries(0):
        client.get("/de/termine/?state=sachsen-anhalt&category=messe")


@pytest.mark.parametrize("backend", ["local memory", "Redis"])
def test_a_flood_of_query_strings_stores_only_a_few_and_keeps_the_rest(
    backend, client, settings, django_assert_num_queries, django_assert_max_num_queries
):
    if backend == "Redis":
        settings.CACHES = {
            "default": {
                "BACKEND": "cluster_portal.cache_backend.ResilientRedisCache",
                "LOCATION": LIVE_REDIS_URL,
            }
        }
        cache.clear()
    settings.PAGE_CACHE_MAX_VARIANTS = 3
    client.get("/de/termine/")
    for number in range(10):
        client.get(f"/de/termine/?q=flood-{number}")

    with django_assert_num_queries(0):
        client.get("/de/termine/")
        client.get("/de/termine/?q=flood-2")
    with django_assert_max_num_queries(100) as captured:
        client.get("/de/termine/?q=flood-3")
    assert len(captured) > 0


def test_an_invalid_filter_is_a_clear_answer_not_a_cached_error(client):
    for _ in range(2):
        response = client.get("/en/events/?category=unknown")
        assert response.status_code in (200, 404)


def test_logged_in_users_neither_fill_nor_read_the_cache(
    client, django_user_model, django_assert_max_num_queries
):
    client.get("/de/")  # cached for visitors
    user = django_user_model.objects.create_user("leser", password=PASSWORD)
    client.force_login(user)

    with django_assert_max_num_queries(100) as captured:
        client.get("/de/das-cluster/")
        client.get("/de/das-cluster/")
    assert len(captured) > 4  # rendered both times
    client.logout()
    with django_assert_max_num_queries(100) as captured:
        client.get("/de/das-cluster/")
    assert len(captured) > 0  # the user's page was not stored


def test_a_members_download_and_area_never_reach_a_visitor(client, django_user_model):
    member = make_member(django_user_model)
    secret = EventDocumentFactory(visibility=EventDocument.Visibility.MEMBERS)
    url = download_url(secret)
    my_area = reverse("my-area")
    client.force_login(member)
    assert client.get(my_area).status_code == 200
    assert read_body(client.get(url))

    visitor = client.__class__()
    assert visitor.get(url).status_code == 302
    assert visitor.get(my_area).status_code == 302


def test_responses_that_set_cookies_are_not_stored(
    client, django_assert_max_num_queries
):
    login = reverse("login")
    first = client.get(login)
    assert "csrftoken" in first.cookies

    visitor = client.__class__()
    second = visitor.get(login)
    assert "csrftoken" in second.cookies  # rendered afresh, with its own token
    assert second.cookies["csrftoken"].value != first.cookies["csrftoken"].value


def test_a_post_is_never_answered_from_the_cache(client):
    url = app_url(client, "newsletter:subscribe")
    client.get(url)

    response = client.post(url, {"email": "not-an-address", "language": "de"})

    assert response.status_code == 200
    assert b'aria-invalid="true"' in response.content


def test_a_cached_subscription_form_carries_no_token_and_still_works(client):
    url = app_url(client, "newsletter:subscribe")
    client.get(url)
    page = client.get(url)
    assert b"csrfmiddlewaretoken" not in page.content

    checking = client.__class__(enforce_csrf_checks=True)
    response = checking.post(
        url, {"email": "leser@example.org", "language": "de", "consent": "on"}
    )

    assert response.status_code == 302
    assert response["Location"] == app_url(client, "newsletter:subscribe-done")


def test_a_published_page_appears_in_the_cached_menus_of_other_pages(client):
    from tests.portal.test_queries import add_fields_of_action

    for url in ("/de/", "/de/das-cluster/"):
        assert "Feld 0" not in client.get(url).content.decode()

    add_fields_of_action(1)

    for url in ("/de/", "/de/das-cluster/"):
        assert "Feld 0" in client.get(url).content.decode()


def test_logged_in_users_get_fragments_of_their_own(rf, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    from cluster_portal.templatetags.cache_tags import fragment_versions

    request = rf.get("/de/")
    request.user = AnonymousUser()
    visitor = fragment_versions({"request": request}, "pages")
    request.user = django_user_model.objects.create_user("leserin")
    member = fragment_versions({"request": request}, "pages")

    assert visitor == portal_cache.versions("pages")
    assert member != visitor
    assert f"user-{request.user.pk}" in member


def draft_with_text(reverse_id, text, editor):
    """A new draft version of the page's German content, with a text."""
    from cms.api import add_plugin
    from cms.models import PageContent
    from djangocms_versioning.models import Version

    content = PageContent.objects.get(page__reverse_id=reverse_id, language="de")
    draft = Version.objects.get_for_content(content).copy(editor)
    placeholder = draft.content.get_placeholders().get(slot="content")
    add_plugin(placeholder, "TextPlugin", "de", body=f"<p>{text}</p>")
    return draft


def test_the_atlas_text_of_every_filtered_list_follows_the_published_page(
    client, admin_user
):
    atlas = app_url(client, "members:organization-list")
    assert "Neue Einleitung" not in client.get(atlas + "?q=a").content.decode()

    draft = draft_with_text("clusteratlas", "Neue Einleitung", admin_user)
    assert "Neue Einleitung" not in client.get(atlas + "?q=b").content.decode()

    draft.publish(admin_user)
    for query in ("?q=a", "?q=c"):  # a cached list and a new one
        assert "Neue Einleitung" in client.get(atlas + query).content.decode()


def test_the_atlas_filter_names_a_renamed_sector_at_once(client):
    from members.models import Sector

    atlas = app_url(client, "members:organization-list")
    sector = Sector.objects.first()
    option = f'<option value="{sector.slug}">{{}}</option>'
    assert option.format(sector.name_de) in client.get(atlas + "?q=a").content.decode()

    sector.name_de = "Umbenannte Branche"
    sector.save()

    html = client.get(atlas + "?q=b").content.decode()
    assert option.format("Umbenannte Branche") in html


def test_the_calendar_filter_and_feeds_name_a_renamed_category_at_once(client):
    from events.models import Category

    calendar = app_url(client, "events:event-list")
    category = Category.objects.first()
    assert category.name_de in client.get(calendar + "?x=1").content.decode()

    category.name_de = "Umbenannte Kategorie"
    category.save()

    html = client.get(calendar + "?x=2").content.decode()
    assert f'<option value="{category.slug}">Umbenannte Kategorie</option>' in html
    assert "Nur Umbenannte Kategorie (iCal)" in html


def test_a_kept_value_is_computed_again_only_after_a_change():
    computed = []

    def compute():
        computed.append(len(computed) + 1)
        return computed[-1]

    assert portal_cache.kept("test", compute) == 1
    assert portal_cache.kept("test", compute) == 1

    portal_cache.bump("directory")

    assert portal_cache.kept("test", compute) == 2
    assert computed == [1, 2]


def test_a_visitors_miss_reads_the_shared_cache_once(client, monkeypatch):
    atlas = app_url(client, "members:organization-list")
    client.get(atlas)  # keeps the shell
    client.get(atlas + "?q=Leuna")  # keeps the cards
    reads = []

    def spy(read):
        def spied(*args, **kwargs):
            # Local memory reads many keys one by one, as get() with a version.
            if "version" not in kwargs:
                reads.append(args)
            return read(*args, **kwargs)

        return spied

    for method in ("get", "get_many"):
        monkeypatch.setattr(cache, method, spy(getattr(cache, method)))

    response = client.get(atlas + "?q=Leuna&sort=-name")

    assert "InfraLeuna GmbH" in response.content.decode()
    assert len(reads) == 1  # the page and the versions; the rest from memory


def counter():
    computed = []

    def compute():
        computed.append(len(computed) + 1)
        return computed[-1]

    return compute


def pinned_kept(name, compute):
    """``kept()`` as in a visitor's request, which reads the versions first."""
    current, _ = portal_cache.kept_values([])
    with portal_cache.pinned(current):
        return portal_cache.kept(name, compute)


def test_a_value_held_in_memory_serves_only_its_own_versions():
    compute = counter()
    assert pinned_kept("test", compute) == 1
    cache.delete(portal_cache.KEPT_KEY.format("test"))

    assert pinned_kept("test", compute) == 1  # from this process's memory

    portal_cache.bump("news")

    assert pinned_kept("test", compute) == 2


def test_a_value_held_in_memory_ends_with_the_next_change_by_the_clock(monkeypatch):
    moment = timezone.now() + datetime.timedelta(seconds=2)
    schedule = [lambda now: moment if now < moment else None]
    monkeypatch.setattr(portal_cache, "_schedules", schedule)
    compute = counter()
    assert pinned_kept("test", compute) == 1
    assert pinned_kept("test", compute) == 1

    time.sleep((moment - timezone.now()).total_seconds() + 0.1)

    assert pinned_kept("test", compute) == 2


def test_memory_holds_the_most_recently_used_values_only():
    memo = portal_cache.Memo(size=2)
    memo.set("a", 1, expires=100)
    memo.set("b", 2, expires=100)
    assert memo.get("a", now=50) == 1  # now the most recent

    memo.set("c", 3, expires=100)

    assert (memo.get("a", 50), memo.get("b", 50), memo.get("c", 50)) == (1, None, 3)
    assert memo.get("a", now=100) is None


def test_a_saved_organisation_shows_on_its_card_in_every_list_at_once(client):
    atlas = app_url(client, "members:organization-list")
    organization = Organization.objects.filter(is_published=True).first()
    query = f"?q={organization.name.split()[0]}"
    assert organization.name in client.get(atlas + query).content.decode()

    organization.city = "Schkopau-Neu"
    organization.save()

    html = client.get(atlas + query + "&page=1").content.decode()
    assert "Schkopau-Neu" in html


def test_the_ckreihe_list_shows_members_their_downloads_and_visitors_the_lock(
    client, django_user_model
):
    secret = EventDocumentFactory(visibility=EventDocument.Visibility.MEMBERS)
    ckreihe = app_url(client, "ckreihe:document-list")
    download = download_url(secret)
    member = client.__class__()
    member.force_login(make_member(django_user_model))

    for _ in range(2):  # the visitor's list first fills the cache of items
        assert f'href="{download}"' not in client.get(ckreihe + "?q=").content.decode()
        assert f'href="{download}"' in member.get(ckreihe + "?q=").content.decode()
