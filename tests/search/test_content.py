"""Each kind of content is found by a word of its text, in both languages,
and only while visitors may see it."""

import datetime

import pytest
from django.utils import timezone

from events.models import EventDocument, Session, SessionSpeaker
from tests.events.factories import (
    EventDocumentFactory,
    EventFactory,
    FieldOfActionFactory,
)
from tests.members.factories import OrganizationFactory, PersonFactory, SectorFactory
from tests.newsletter.factories import ArticleFactory, IssueFactory, NewsItemFactory

from .conftest import search_url

pytestmark = pytest.mark.django_db


def test_an_organisation_is_found_by_its_description_and_sector(find):
    sector = SectorFactory(name_de="Quarzsandveredelung", name_en="Quartz refining")
    OrganizationFactory(
        name="Zebrafink Werke GmbH",
        description_de="Wir stellen Polyzwirbel her.",
        description_en="We make polytwirls.",
        sectors=[sector],
    )

    assert find("Polyzwirbel", "de") == ["Zebrafink Werke GmbH"]
    assert find("polytwirls", "en") == ["Zebrafink Werke GmbH"]
    assert find("Quarzsandveredelung", "de") == ["Zebrafink Werke GmbH"]


def test_a_person_is_found_by_name_and_role(find):
    PersonFactory(
        first_name="Kunigunde",
        last_name="Falkenhorst",
        position_de="Laborleiterin",
        position_en="Head of laboratory",
    )

    assert find("Falkenhorst", "de") == ["Kunigunde Falkenhorst"]
    assert find("Kunigunde laboratory", "en") == ["Kunigunde Falkenhorst"]


def test_an_event_is_found_by_description_venue_and_field_of_action(find):
    field = FieldOfActionFactory(
        slug="moorpflege", name_de="Moorpflege", name_en="Bog care"
    )
    EventFactory(
        title_de="Fachtag Kautschuk",
        title_en="Rubber day",
        description_de="Wir sprechen über Latexmilchwirtschaft.",
        description_en="We talk about latex farming.",
        venue_name="Schloss Quellenbrunn",
        fields_of_action=[field],
    )

    assert find("Latexmilchwirtschaft", "de") == ["Fachtag Kautschuk"]
    assert find("latex farming", "en") == ["Rubber day"]
    assert find("Quellenbrunn", "en") == ["Rubber day"]
    assert find("Moorpflege", "de") == ["Fachtag Kautschuk"]
    assert find("Bog care", "de") == []


def test_an_event_is_found_by_its_programme_and_speakers(find):
    event = EventFactory(title_de="Fachtag Harz", title_en="Resin day")
    session = Session.objects.create(
        event=event,
        start=event.start,
        title_de="Vortrag über Kolophoniumester",
        title_en="Talk on rosin esters",
    )
    SessionSpeaker.objects.create(
        session=session, person=PersonFactory(last_name="Wolkenstein")
    )
    guest = SessionSpeaker.objects.create(
        session=session, name="Ida Gast", affiliation="Institut Quendelheim"
    )

    assert find("Kolophoniumester", "de") == ["Fachtag Harz"]
    assert find("rosin esters", "en") == ["Resin day"]
    assert "Fachtag Harz" in find("Wolkenstein", "de")
    assert find("Quendelheim", "de") == ["Fachtag Harz"]

    guest.delete()
    assert find("Quendelheim", "de") == []
    session.delete()
    assert find("Kolophoniumester", "de") == []


def test_news_issues_and_articles_are_found(find):
    NewsItemFactory(
        title_de="Meldung Gipskarton", body_de="<p>Neues vom Gipsrecycling.</p>"
    )
    issue = IssueFactory(
        theme_de="Schwerpunkt Basaltfaser", theme_en="Basalt fibre focus"
    )
    ArticleFactory(
        issue=issue,
        title_de="Beitrag Glimmer",
        title_en="Mica article",
        body_de="<p>Über Glimmerschiefer.</p>",
        body_en="<p>On mica schist.</p>",
    )

    assert find("Gipsrecycling", "de") == ["Meldung Gipskarton"]
    # The issue by its title, its article by the issue named in it.
    assert find("Basaltfaser", "de") == [
        f"CKnews {issue.number}: Schwerpunkt Basaltfaser",
        "Beitrag Glimmer",
    ]
    assert find("Glimmerschiefer", "de") == ["Beitrag Glimmer"]
    assert find("schist", "en") == ["Mica article"]


def test_a_published_cms_page_is_found_in_its_language(find):
    # The demo page "Das Cluster" and its text come from the brochure.
    assert "Das Cluster" in find("Selbstverständnis", "de")
    assert find("Selbstverständnis", "en") == []


def test_an_unpublished_page_disappears_and_returns_on_publishing(
    find, django_user_model
):
    from cms.models import PageContent
    from djangocms_versioning.models import Version

    editor = django_user_model.objects.create_superuser(
        "pages", "p@example.org", "pw-for-tests-1"
    )
    content = PageContent.objects.get(title="Das Cluster", language="de")
    version = Version.objects.get_for_content(content)
    version.unpublish(editor)

    assert "Das Cluster" not in find("Selbstverständnis", "de")

    draft = version.copy(editor)
    draft.publish(editor)

    assert "Das Cluster" in find("Selbstverständnis", "de")


def test_unpublished_future_and_expired_items_are_not_found(find):
    now = timezone.now()
    EventFactory(title_de="Entwurf Wolframtagung", is_published=False)
    EventFactory(
        title_de="Zukunft Wolframtagung", publish_from=now + datetime.timedelta(days=2)
    )
    NewsItemFactory(
        title_de="Abgelaufen Wolframmeldung",
        publish_from=now - datetime.timedelta(days=9),
        publish_until=now - datetime.timedelta(days=1),
    )
    OrganizationFactory(name="Versteckte Wolfram GmbH", is_published=False)
    hidden_issue = IssueFactory(theme_de="Wolframheft", is_published=False)
    ArticleFactory(issue=hidden_issue, title_de="Wolframartikel")
    future_issue = IssueFactory(
        theme_de="Wolframvorschau",
        published_on=timezone.localdate() + datetime.timedelta(days=5),
    )
    ArticleFactory(issue=future_issue, title_de="Wolframvorschauartikel")
    EventFactory(title_de="Sichtbare Wolframtagung")

    assert find("Wolfram", "de") == ["Sichtbare Wolframtagung"]


def test_unpublishing_and_deleting_remove_an_item_at_once(find):
    event = EventFactory(title_de="Niobtagung", title_en="Niobium day")
    item = NewsItemFactory(title_de="Niobmeldung")
    assert sorted(find("Niob", "de")) == ["Niobmeldung", "Niobtagung"]

    event.is_published = False
    event.save()
    item.delete()

    assert find("Niob", "de") == []
    assert find("Niobium", "en") == []


def test_a_renamed_organisation_renames_its_people_and_events_entries(find):
    organization = OrganizationFactory(name="Altname AG")
    PersonFactory(first_name="Ida", last_name="Ockerstein", organization=organization)
    organization.name = "Tantalneu AG"
    organization.save()

    assert "Ida Ockerstein" in find("Tantalneu", "de")


def test_a_public_pdf_is_found_by_its_text(
    find, django_capture_on_commit_callbacks, run_tasks
):
    from tests.events.factories import pdf_file

    with django_capture_on_commit_callbacks(execute=True):
        EventDocumentFactory(
            title_de="Tagungsband Graphen", file=pdf_file(text="Graphitmonolith")
        )
    run_tasks()

    assert find("Graphitmonolith", "de") == ["Tagungsband Graphen"]


def test_members_only_file_contents_never_leak(
    client, find, django_capture_on_commit_callbacks, run_tasks
):
    from tests.events.factories import pdf_file

    with django_capture_on_commit_callbacks(execute=True):
        document = EventDocumentFactory(
            title_de="Protokoll Vanadium",
            description_de="Geheimbeschreibung Osmiumdeal",
            visibility=EventDocument.Visibility.MEMBERS,
            file=pdf_file(text="Geheimwort Iridiumpreis"),
        )
    run_tasks()

    assert find("Iridiumpreis", "de") == []
    assert find("Osmiumdeal", "de") == []
    assert find("Vanadium", "de") == ["Protokoll Vanadium"]
    page = client.get(search_url("de"), {"q": "Vanadium"}).content.decode()
    assert "nur für Mitglieder" in page
    assert "Iridium" not in page.split("<main", 1)[1].replace("Vanadium", "")
    assert document.get_absolute_url() in page


def test_making_a_public_document_members_only_drops_its_text(
    find, django_capture_on_commit_callbacks, run_tasks
):
    from tests.events.factories import pdf_file

    with django_capture_on_commit_callbacks(execute=True):
        document = EventDocumentFactory(
            title_de="Bericht Rhodium", file=pdf_file(text="Rhodiumwort")
        )
    run_tasks()
    assert find("Rhodiumwort", "de") == ["Bericht Rhodium"]

    with django_capture_on_commit_callbacks(execute=True):
        document.visibility = EventDocument.Visibility.MEMBERS
        document.save()
    run_tasks()

    assert find("Rhodiumwort", "de") == []
