"""The visitor's pages: CKnews archive and issues, news, feeds."""

import datetime
import xml.etree.ElementTree as ET
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from newsletter.models import Issue
from tests.portal.utils import PageOutline

from .conftest import url
from .factories import ArticleFactory, IssueFactory, NewsItemFactory

pytestmark = pytest.mark.django_db


def test_the_archive_lists_issues_by_year_newest_first(client):
    IssueFactory(number=71, year=2030, quarter=2, theme_de="Zukunftsthema")

    response = client.get(url("newsletter:issue-list"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index('id="year-2030"') < html.index('id="year-2026"')
    assert html.index('id="year-2026"') < html.index('id="year-2025"')
    assert "Zukunftsthema" in html
    assert "CKnews 71 · 2. Quartal 2030" in html
    assert "Kunststoffe im Kreislauf" in html  # a demo issue


@pytest.mark.parametrize(
    ("language", "title", "h1"),
    [("de", "CKnews", "CKnews"), ("en", "CKnews", "CKnews")],
)
def test_the_archive_answers_in_both_languages(client, language, title, h1):
    response = client.get(url("newsletter:issue-list", language))

    outline = PageOutline(response.content.decode())
    assert outline.html_lang == language
    assert outline.h1_count == 1
    assert outline.title.startswith(title)


def test_the_archive_hides_unpublished_and_future_issues(client):
    IssueFactory(theme_de="Entwurfsthema", is_published=False)
    IssueFactory(
        theme_de="Zukünftiges Thema",
        published_on=timezone.localdate() + datetime.timedelta(days=3),
    )

    html = client.get(url("newsletter:issue-list")).content.decode()

    assert "Entwurfsthema" not in html
    assert "Zukünftiges Thema" not in html


def test_an_issue_page_shows_its_articles_and_pdf(client):
    issue = IssueFactory(number=60, theme_de="Kreislauf", theme_en="Circularity")
    issue.pdf.save("cknews-60.pdf", ContentFile(b"%PDF-1.4 test"))
    ArticleFactory(issue=issue, order=2, title_de="Zweiter", title_en="Second")
    ArticleFactory(issue=issue, order=1, title_de="Erster", title_en="First")

    german = client.get(url("newsletter:issue-detail", number=60)).content.decode()
    english = client.get(url("newsletter:issue-detail", "en", number=60))

    assert german.index("Erster") < german.index("Zweiter")
    assert "CKnews 60 herunterladen (PDF)" in german
    assert 'href="/media/cknews/pdf/cknews-60' in german
    issue = Issue.objects.get(number=60)
    assert PageOutline(german).title.startswith(
        f"CKnews 60 ({issue.quarter}. Quartal {issue.year}): Kreislauf"
    )
    english_html = english.content.decode()
    assert "<h1>Circularity</h1>" in english_html
    assert "Download CKnews 60 (PDF)" in english_html
    assert PageOutline(english_html).h1_count == 1


def test_an_issue_with_a_cover_shows_it(client):
    buffer = BytesIO()
    Image.new("RGB", (21, 30), "teal").save(buffer, "PNG")
    issue = IssueFactory(number=61)
    issue.cover.save("cover.png", ContentFile(buffer.getvalue()))

    html = client.get(url("newsletter:issue-detail", number=61)).content.decode()

    assert '<img class="issue-cover" src="/media/cknews/covers/cover' in html
    assert "issue-cover--drawn" not in html


def test_an_english_issue_falls_back_to_german_text(client):
    IssueFactory(number=62, theme_de="Nur Deutsch", theme_en="")

    html = client.get(url("newsletter:issue-detail", "en", number=62)).content.decode()

    assert '<h1 lang="de">Nur Deutsch</h1>' in html


@pytest.mark.parametrize("number", ["999", "0"])
def test_an_unknown_issue_is_a_404_in_the_visitors_language(client, number):
    response = client.get(f"{url('newsletter:issue-list', 'en')}{number}/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_an_unpublished_issue_is_hidden_from_visitors_but_not_editors(client):
    IssueFactory(number=63, is_published=False)
    link = url("newsletter:issue-detail", number=63)
    assert client.get(link).status_code == 404

    editor = get_user_model().objects.create_user("ed", is_staff=True)
    client.force_login(editor)
    response = client.get(link)

    assert response.status_code == 200
    assert "Nur die Redaktion sieht diese Ausgabe" in response.content.decode()


def test_a_non_numeric_issue_url_is_a_404(client):
    assert client.get(url("newsletter:issue-list") + "zwei/").status_code == 404


def test_the_news_list_is_paginated(client):
    NewsItemFactory.create_batch(15, date=datetime.date(2030, 1, 1))

    first = client.get(url("news:news-list"))
    last = client.get(url("news:news-list"), {"page": "4"})

    assert first.status_code == 200
    assert len(first.context["news_items"]) == 10
    assert "Seite 1 von 4" in first.content.decode()
    assert last.status_code == 200
    # 37 items: 22 demo (the dossier's report among them) + 15
    assert len(last.context["news_items"]) == 7


@pytest.mark.parametrize("page", ["5", "0", "-1", "zwei", "9999999999999999999"])
def test_a_wrong_news_page_is_a_404(client, page):
    response = client.get(url("news:news-list", "en"), {"page": page})

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize(("language", "heading"), [("de", "Aktuelles"), ("en", "News")])
def test_the_news_list_answers_in_both_languages(client, language, heading):
    response = client.get(url("news:news-list", language))

    outline = PageOutline(response.content.decode())
    assert outline.html_lang == language
    assert outline.h1_count == 1
    assert f"<h1>{heading}</h1>" in response.content.decode()


def test_news_outside_their_window_are_hidden(client):
    now = timezone.now()
    NewsItemFactory(
        title_de="Noch nicht", publish_from=now + datetime.timedelta(hours=1)
    )
    NewsItemFactory(
        title_de="Nicht mehr", publish_until=now - datetime.timedelta(hours=1)
    )
    NewsItemFactory(title_de="Entwurf", is_published=False)
    NewsItemFactory(
        title_de="Jetzt sichtbar",
        date=datetime.date(2030, 1, 1),
        publish_from=now - datetime.timedelta(hours=1),
        publish_until=now + datetime.timedelta(hours=1),
    )

    html = client.get(url("news:news-list")).content.decode()

    assert "Jetzt sichtbar" in html
    for hidden in ("Noch nicht", "Nicht mehr", "Entwurf"):
        assert hidden not in html


def test_a_news_item_has_a_readable_url_in_each_language(client):
    item = NewsItemFactory(
        title_de="Größere Öfen für Süßwaren", title_en="Bigger ovens"
    )

    german = url("news:news-detail", pk=item.pk, slug="groessere-oefen-fuer-suesswaren")
    english = url("news:news-detail", "en", pk=item.pk, slug="bigger-ovens")
    response = client.get(german)

    assert response.status_code == 200
    assert "<h1>Größere Öfen für Süßwaren</h1>" in response.content.decode()
    assert client.get(english).status_code == 200
    wrong = client.get(url("news:news-detail", "en", pk=item.pk, slug="old-title"))
    assert wrong.status_code == 301
    assert wrong["Location"] == english


def test_a_news_item_links_its_issue(client):
    issue = IssueFactory(number=64, theme_de="Wasserstoff")
    item = NewsItemFactory(issue=issue, body_de="<p>Text <script>alert(1)</script></p>")

    response = client.get(url("news:news-detail", pk=item.pk, slug="x"), follow=True)

    html = response.content.decode()
    issue_link = url("newsletter:issue-detail", number=64)
    assert f'href="{issue_link}">CKnews 64: Wasserstoff</a>' in html
    assert "<script>alert" not in html


def test_a_hidden_news_item_is_a_404(client):
    item = NewsItemFactory(is_published=False)

    assert client.get(item.get_absolute_url()).status_code == 404
    assert client.get(url("news:news-detail", pk=999999, slug="x")).status_code == 404


def rss_titles(response):
    return [node.text for node in ET.fromstring(response.content).iter("title")]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "CKnews 5: Biobasierte Werkstoffe"),
        ("en", "CKnews 5: Bio-based materials"),
    ],
)
def test_the_issue_feed_is_per_language(client, language, expected):
    rss = client.get(url("newsletter:issue-feed-rss", language))
    atom = client.get(url("newsletter:issue-feed-atom", language))

    assert rss.status_code == atom.status_code == 200
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert expected in rss_titles(rss)
    assert f"<language>{language}</language>" in rss.content.decode()
    assert expected in atom.content.decode()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "Anmeldung zum Innovationspreis eröffnet"),
        ("en", "Entries open for the innovation prize"),
    ],
)
def test_the_news_feed_is_per_language(client, language, expected):
    rss = client.get(url("news:news-feed-rss", language))
    atom = client.get(url("news:news-feed-atom", language))

    assert expected in rss_titles(rss)
    assert expected in atom.content.decode()


def test_pages_link_their_feeds(client):
    archive = client.get(url("newsletter:issue-list")).content.decode()
    news = client.get(url("news:news-list", "en")).content.decode()

    assert f'href="{url("newsletter:issue-feed-rss")}">RSS-Feed</a>' in archive
    assert f'href="{url("news:news-feed-atom", "en")}">Atom feed</a>' in news


def test_the_archive_costs_the_same_queries_with_many_issues(
    client, django_assert_max_num_queries
):
    link = url("newsletter:issue-list")
    client.get(link)
    with django_assert_max_num_queries(30) as few:
        client.get(link)
    for number in range(200, 240):
        IssueFactory(number=number, year=2000 + number % 20)
    client.get(link)  # saving emptied the CMS caches; warm them as before

    with django_assert_max_num_queries(30) as many:
        response = client.get(link)

    assert response.content.decode().count('class="issue-card"') == 45
    assert len(many) == len(few)


def test_the_news_list_costs_the_same_queries_with_many_items(
    client, django_assert_max_num_queries
):
    link = url("news:news-list")
    client.get(link)
    with django_assert_max_num_queries(30) as few:
        client.get(link)
    issue = IssueFactory()
    NewsItemFactory.create_batch(30, issue=issue, date=datetime.date(2030, 1, 1))
    client.get(link)  # saving emptied the CMS caches; warm them as before

    with django_assert_max_num_queries(30) as many:
        client.get(link)

    assert len(many) == len(few)


def test_an_issue_page_costs_the_same_queries_with_many_articles(
    client, django_assert_max_num_queries
):
    issue = IssueFactory(number=65)
    ArticleFactory(issue=issue)
    link = url("newsletter:issue-detail", number=65)
    client.get(link)
    with django_assert_max_num_queries(30) as few:
        client.get(link)
    ArticleFactory.create_batch(20, issue=issue)
    client.get(link)

    with django_assert_max_num_queries(30) as many:
        client.get(link)

    assert len(many) == len(few)


def test_the_language_switcher_keeps_the_visitor_on_the_issue(client):
    IssueFactory(number=66)

    german = client.get(url("newsletter:issue-detail", number=66)).content.decode()

    english_url = url("newsletter:issue-detail", "en", number=66)
    assert PageOutline(german).language_links == {"en": english_url}


def test_the_switcher_reaches_the_news_item_in_the_other_language(client):
    item = NewsItemFactory(title_de="Deutscher Titel", title_en="English title")

    german = client.get(url("news:news-detail", pk=item.pk, slug="deutscher-titel"))
    english_link = PageOutline(german.content.decode()).language_links["en"]
    english = client.get(english_link)

    assert english_link == url(
        "news:news-detail", "en", pk=item.pk, slug="english-title"
    )
    assert english.status_code == 200
    assert "<h1>English title</h1>" in english.content.decode()
