"""The "News" block on the homepage and the caches in front of it."""

import datetime

import pytest
from cms.api import add_plugin
from cms.models import Placeholder
from django.utils import timezone, translation

from cluster_portal import cache as portal_cache
from newsletter.cms_plugins import LatestNewsPlugin
from newsletter.models import NewsItem

from .factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def news_block(html):
    return html.split('class="news-teaser"')[1].split("</section>")[0]


@pytest.mark.parametrize(
    ("language", "heading", "first", "more"),
    [
        ("de", "Aktuelles", "CKnews 5 ist erschienen", "Alle Meldungen"),
        ("en", "News", "CKnews 5 is out", "All news"),
    ],
)
def test_the_homepage_shows_the_latest_news(client, language, heading, first, more):
    html = client.get(f"/{language}/").content.decode()

    block = news_block(html)
    assert f">{heading}</h2>" in block
    assert block.count('class="news-teaser__item"') == 4
    assert first in block
    assert f">{more}</a>" in block


def test_a_new_news_item_appears_on_the_cached_homepage_at_once(client):
    client.get("/de/")
    assert "Frisch gemeldet" not in client.get("/de/").content.decode()

    NewsItemFactory(title_de="Frisch gemeldet", date=timezone.localdate())

    assert "Frisch gemeldet" in news_block(client.get("/de/").content.decode())


def test_a_deleted_news_item_disappears_from_the_cached_homepage(client):
    item = NewsItem.objects.get(
        title_de="CKnews 5 ist erschienen: Biobasierte Werkstoffe"
    )
    assert item.title_de in client.get("/de/").content.decode()

    item.delete()

    assert item.title_de not in client.get("/de/").content.decode()


def test_pages_are_cached_only_until_the_next_scheduled_item():
    assert portal_cache.timeout() > 600

    NewsItemFactory(publish_from=timezone.now() + datetime.timedelta(minutes=10))

    assert 590 <= portal_cache.timeout() <= 600


def test_the_block_shows_as_many_items_as_configured():
    placeholder = Placeholder.objects.create(slot="test")
    instance = add_plugin(placeholder, "LatestNewsPlugin", "de", count=2)

    with translation.override("de"):
        context = LatestNewsPlugin().render({}, instance, placeholder)

    assert len(context["news_items"]) == 2
    assert context["news_list_url"] == "/de/aktuelles/"
