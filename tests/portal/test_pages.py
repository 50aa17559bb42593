import re

import pytest
from cms.models import Page

from cluster_portal.demo_pages import PAGES
from tests.portal.utils import PageOutline

pytestmark = pytest.mark.django_db

LANGUAGES = ("de", "en")


def all_demo_pages(pages=PAGES):
    for demo_page in pages:
        yield demo_page
        yield from all_demo_pages(demo_page.children)


DEMO_PAGES = list(all_demo_pages())


def page_url(reverse_id, language):
    return Page.objects.get(reverse_id=reverse_id).get_absolute_url(language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("demo_page", DEMO_PAGES, ids=lambda page: page.reverse_id)
def test_every_page_answers_with_its_own_title_and_one_h1(client, demo_page, language):
    response = client.get(page_url(demo_page.reverse_id, language))

    assert response.status_code == 200
    outline = PageOutline(response.content.decode())
    expected = getattr(demo_page, language)
    assert (expected.page_title or expected.title) in outline.title
    assert outline.h1_count == 1
    assert outline.html_lang == language


def test_page_titles_are_unique_per_language(client):
    for language in LANGUAGES:
        titles = {
            PageOutline(
                client.get(page_url(page.reverse_id, language)).content.decode()
            ).title
            for page in DEMO_PAGES
        }
        assert len(titles) == len(DEMO_PAGES)


@pytest.mark.parametrize("demo_page", DEMO_PAGES, ids=lambda page: page.reverse_id)
def test_language_switcher_and_hreflang_link_each_page_to_its_twin(
    client, settings, demo_page
):
    settings.SITE_DOMAIN = "portal.example.org"
    german_url = page_url(demo_page.reverse_id, "de")
    english_url = page_url(demo_page.reverse_id, "en")

    german = PageOutline(client.get(german_url).content.decode())
    english = PageOutline(client.get(english_url).content.decode())

    assert german.language_links == {"en": english_url}
    assert english.language_links == {"de": german_url}
    assert german.hreflangs == {
        "de": f"http://portal.example.org{german_url}",
        "en": f"http://portal.example.org{english_url}",
    }
    assert english.hreflangs == german.hreflangs


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [("de-DE,de;q=0.9", "/de/"), ("en-GB,en;q=0.8", "/en/"), ("fr-FR", "/de/")],
)
def test_root_redirects_by_accept_language(client, accept_language, target):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == target


def test_pages_show_the_brochure_in_both_languages(client):
    german = client.get(page_url("cluster", "de")).content.decode()
    english = client.get(page_url("cluster", "en")).content.decode()

    assert "Mitteldeutschland wird wieder ein Kompetenzzentrum" in german
    assert "Central Germany will once again become a centre of competence" in english


def test_main_navigation_marks_the_current_page_and_shows_two_levels(client):
    html = client.get(page_url("innovation", "de")).content.decode()

    assert f'<a href="{page_url("innovation", "de")}" aria-current="page">' in html
    assert 'class="main-nav__item is-ancestor has-children"' in html
    assert "Internationale Aktivitäten</a>" in html


def test_breadcrumbs_lead_from_home_to_the_current_page(client):
    html = client.get(page_url("innovation", "en")).content.decode()
    breadcrumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]

    assert breadcrumbs.index("Home") < breadcrumbs.index("Fields of action")
    assert '<span aria-current="page">Innovation</span>' in breadcrumbs


def test_footer_carries_the_contact_and_the_legal_links(client):
    html = client.get("/en/").content.decode()
    footer = html.split('<footer class="site-footer')[1]

    assert "Hoher Weg 3" in footer
    assert "+49 (0) 345 / 299 82 726" in footer
    assert "cluster-chemie-kunststoffe@online.de" in footer
    for reverse_id in ("legal-notice", "privacy", "accessibility"):
        assert f'href="{page_url(reverse_id, "en")}"' in footer


@pytest.mark.parametrize(
    ("reverse_id", "section_start"),
    [("home", 'class="home-fields"'), ("fields-of-action", 'class="subpages"')],
)
def test_fields_of_action_are_listed_as_cards(client, reverse_id, section_start):
    html = client.get(page_url(reverse_id, "de")).content.decode()
    section = html.split(section_start)[1].split("</ul>")[0]

    links = [
        page_url(field, "de")
        for field in (
            "coordination",
            "strategy",
            "innovation",
            "international",
            "public-relations",
        )
    ]
    assert section.count('class="card"') == len(links)
    for link in links:
        assert f'href="{link}"' in section


def test_reading_the_site_sets_no_cookies(client):
    for url in ("/", "/de/", "/en/the-cluster/", "/de/gibt-es-nicht/"):
        response = client.get(url, headers={"accept-language": "en"})
        assert response.cookies == {}, url


def test_contact_page_marks_up_the_postal_address(client):
    html = client.get(page_url("contact", "de")).content.decode()

    assert re.search(r"<address>\s*isw Gesellschaft", html)
    assert "Hoher Weg 3" in html
