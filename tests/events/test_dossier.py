"""A passed event's page is its record: programme, speakers, documents,
report and photos (the dossier)."""

import datetime
import json
import re
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone, translation
from PIL import Image
from pyld import jsonld

from events import demo_dossier
from events.management.commands.load_demo_dossier import demo_photo
from events.models import Event, EventPhoto, Session, SessionSpeaker
from newsletter.models import NewsItem
from tests.events.factories import EventDocumentFactory, EventFactory
from tests.members.factories import OrganizationFactory, PersonFactory
from tests.queries import cold_query_count

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"


def page_url(client, obj, language="de"):
    client.get(f"/{language}/")  # loads the apphooks' URLs
    with translation.override(language):
        return obj.get_absolute_url()


def past_event(**kwargs):
    start = timezone.now().replace(microsecond=0) - datetime.timedelta(days=30)
    return EventFactory(start=start, end=start + datetime.timedelta(hours=6), **kwargs)


def add_session(event, title, hour=10, speakers=()):
    start = event.start.replace(hour=hour, minute=0)
    session = Session.objects.create(
        event=event,
        start=start,
        end=start + datetime.timedelta(minutes=45),
        title_de=title,
        title_en=f"{title} (en)",
    )
    for speaker in speakers:
        speaker.session = session
        speaker.save()
    return session


@pytest.fixture
def demo_event():
    return Event.objects.get(slug=demo_dossier.EVENT_SLUG)


def h2_texts(html):
    return re.findall(r"<h2[^>]*>([^<]*)</h2>", html)


@pytest.mark.parametrize(
    ("language", "headings", "session_title", "photo_alt"),
    [
        (
            "de",
            ["Programm", "Dokumente in der CKreihe", "Bericht", "Fotos"],
            "Begrüßung und Einführung",
            "Blick in den voll besetzten Hörsaal während der Begrüßung",
        ),
        (
            "en",
            ["Programme", "Documents in the CKreihe", "Report", "Photos"],
            "Welcome and introduction",
            "View into the full lecture hall during the welcome",
        ),
    ],
)
def test_the_past_demo_event_shows_its_full_dossier(
    client, demo_event, language, headings, session_title, photo_alt
):
    html = client.get(page_url(client, demo_event, language)).content.decode()

    for heading in headings:
        assert heading in h2_texts(html)
    assert f'<h3 class="programme__title">{session_title}</h3>' in html
    assert html.count('class="programme__session"') == len(demo_dossier.SESSIONS)
    # An atlas speaker links to their organisation, a guest shows as text.
    beispiel = demo_event.sessions.first().speakers.get().person.organization
    assert (
        f'Dr. Katrin Beispiel, <a href="{page_url(client, beispiel, language)}">'
        f"{beispiel.name}</a>"
    ) in html
    assert "Prof. Dr. Lena Exempel, Fiktive Hochschule Mitteldeutschland" in html
    # Documents: the public one to download, the members-only one locked.
    assert "CKreihe" in html and 'class="document-lock"' in html
    report = demo_event.report_news
    assert f'<a href="{page_url(client, report, language)}">{report.title}' in html
    photos = re.findall(
        r'<img src="[^"]+" alt="([^"]+)" width="960" height="640"'
        r' loading="lazy"',
        html,
    )
    assert photos[0] == photo_alt and len(photos) == 3


def test_members_only_documents_are_locked_for_visitors(client, demo_event):
    html = client.get(page_url(client, demo_event)).content.decode()

    members_only = demo_event.documents.get(visibility="members")
    assert members_only.get_download_url() not in html
    public = demo_event.documents.get(visibility="public")
    assert public.get_download_url() in html


def test_sessions_without_speakers_and_guests_without_affiliation_render_cleanly(
    client,
):
    event = past_event()
    add_session(event, "Kaffeepause")
    add_session(event, "Podium", 11, [SessionSpeaker(name="Maria Probe")])

    html = client.get(page_url(client, event)).content.decode()

    assert html.count('class="programme__speakers"') == 1
    assert re.search(r"<li>\s*Maria Probe\s*</li>", html)


def test_a_passed_event_without_dossier_has_no_empty_sections(client):
    event = past_event()

    html = client.get(page_url(client, event)).content.decode()

    assert not set(h2_texts(html)) & {
        "Programm",
        "Dokumente in der CKreihe",
        "Bericht",
        "Fotos",
    }
    assert "programme" not in html and "event-photos" not in html


def test_an_unpublished_report_is_not_linked(client):
    news = NewsItem.objects.create(
        title_de="Noch geheim", teaser_de="Entwurf.", is_published=False
    )
    event = past_event(report_news=news)

    html = client.get(page_url(client, event)).content.decode()

    assert "Noch geheim" not in html and "Bericht" not in h2_texts(html)


def test_a_speaker_is_a_person_of_the_atlas_or_a_name_not_both_nor_none():
    session = add_session(past_event(), "Vortrag")
    person = PersonFactory()

    with pytest.raises(ValidationError):
        SessionSpeaker(session=session).full_clean()
    with pytest.raises(ValidationError):
        SessionSpeaker(session=session, person=person, name="Jemand").full_clean()
    SessionSpeaker(session=session, person=person).full_clean()
    SessionSpeaker(session=session, name="Jemand", affiliation="Uni").full_clean()


def test_a_session_must_not_end_before_it_starts():
    event = past_event()
    session = Session(
        event=event,
        start=event.start,
        end=event.start - datetime.timedelta(hours=1),
        title_de="Rückwärts",
    )
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "end" in error.value.message_dict


def schema_loader(url, options=None):
    """schema.org's context, from here: expanding fetches nothing."""
    assert url.rstrip("/") == "https://schema.org", url
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": SCHEMA}},
    }


def expanded_json_ld(html):
    [text] = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL
    )
    return jsonld.expand(json.loads(text), {"documentLoader": schema_loader})


def test_the_json_ld_links_event_sub_events_performers_and_organisations(
    client, demo_event
):
    html = client.get(page_url(client, demo_event, "en")).content.decode()
    [event] = expanded_json_ld(html)

    sub_events = event[SCHEMA + "subEvent"]
    assert [s[SCHEMA + "name"][0]["@value"] for s in sub_events][:2] == [
        "Welcome and introduction",
        "Power, steam and hydrogen: the energy transition at the chemical site",
    ]
    assert all(
        SCHEMA + "startDate" in s and SCHEMA + "endDate" in s for s in sub_events
    )
    [performer] = sub_events[0][SCHEMA + "performer"]
    assert performer["@type"] == [SCHEMA + "Person"]
    [works_for] = performer[SCHEMA + "worksFor"]
    organization = demo_event.sessions.first().speakers.get().person.organization
    organization_url = "http://testserver" + page_url(client, organization, "en")
    assert works_for["@id"] == organization_url + "#organization"
    guest = sub_events[1][SCHEMA + "performer"][1]
    assert "@id" not in guest[SCHEMA + "affiliation"][0]

    # The organisation's page holds the node the event points at.
    organization_html = client.get(page_url(client, organization, "en")).content
    [node] = expanded_json_ld(organization_html.decode())
    assert node["@id"] == works_for["@id"]
    assert node["@type"] == [SCHEMA + "Organization"]
    [organizer] = event[SCHEMA + "organizer"]
    assert organizer["@id"].endswith("/dow-olefinverbund-gmbh/#organization")


def test_the_event_page_costs_the_same_queries_with_2_or_20_sessions(
    client, django_assert_max_num_queries
):
    event = past_event(organizer=OrganizationFactory())
    EventDocumentFactory(event=event)
    url = page_url(client, event)

    def fill(count):
        for number in range(count):
            add_session(
                event,
                f"Vortrag {number}",
                speakers=[
                    SessionSpeaker(person=PersonFactory()),
                    SessionSpeaker(name="Gast", affiliation="Uni"),
                ],
            )
            EventPhoto.objects.create(
                event=event,
                image=ContentFile(demo_photo((0, 0, 0), 1), name="photo.jpg"),
                alt_de="Ein Foto",
                alt_en="A photo",
            )

    fill(2)
    few = cold_query_count(client, url, django_assert_max_num_queries)
    fill(18)
    many = cold_query_count(client, url, django_assert_max_num_queries)

    assert event.sessions.count() == 20
    assert many == few


def test_a_new_session_shows_on_the_next_request(client):
    event = past_event()
    url = page_url(client, event)
    assert "Neuer Vortrag" not in client.get(url).content.decode()
    assert "Neuer Vortrag" not in client.get(url).content.decode()  # a cache hit

    session = add_session(event, "Neuer Vortrag")
    assert "Neuer Vortrag" in client.get(url).content.decode()

    SessionSpeaker.objects.create(session=session, name="Erika Gast")
    assert "Erika Gast" in client.get(url).content.decode()


def test_the_ckreihe_list_links_each_number_to_its_event(client, demo_event):
    client.get("/de/")
    with translation.override("de"):
        from django.urls import reverse

        list_url = reverse("ckreihe:document-list")
    html = client.get(list_url).content.decode()

    event_url = page_url(client, demo_event)
    for document in demo_event.documents.all():
        assert f'<a href="{event_url}">CKreihe Nr. {document.number}<span' in html


def test_the_demo_dossier_loads_real_photos_once(demo_event):
    demo_event.photos.all().delete()

    call_command("load_demo_dossier", stdout=StringIO())
    call_command("load_demo_dossier", stdout=StringIO())

    assert demo_event.photos.count() == len(demo_dossier.PHOTOS)
    assert demo_event.sessions.count() == len(demo_dossier.SESSIONS)
    photo = demo_event.photos.first()
    with photo.image.open("rb") as handle:
        image = Image.open(handle)
        assert image.size == (photo.width, photo.height) == (960, 640)


def test_a_speaker_of_an_unpublished_organisation_shows_without_it(client):
    hidden = OrganizationFactory(name="Verborgen GmbH", is_published=False)
    person = PersonFactory(first_name="Ida", last_name="Still", organization=hidden)
    event = past_event()
    add_session(event, "Vortrag", speakers=[SessionSpeaker(person=person)])

    html = client.get(page_url(client, event)).content.decode()

    assert re.search(r"<li>\s*Ida Still\s*</li>", html)
    assert "Verborgen GmbH" not in html


def test_a_duplicated_event_starts_without_the_dossier(demo_event):
    from events.services import duplicate_event

    copy = duplicate_event(demo_event)

    assert copy.report_news is None and copy.report_issue is None
    assert not copy.sessions.exists() and not copy.photos.exists()
    assert demo_event.sessions.exists() and demo_event.report_news is not None
