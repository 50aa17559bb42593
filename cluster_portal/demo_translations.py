"""Demo entries that are deliberately written in German only, and a CMS page
whose English version lags behind its German one, so that the editors'
translation view and the public "only in German" notice have something to
show. Whatever exists already is left alone."""

import datetime

from cms.models import PageContent
from django.utils import timezone
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from events.demo_data import SAMPLE_NOTE
from events.models import Category, Event, FieldOfAction
from members import demo_data
from members.models import Organization, Sector
from newsletter.models import NewsItem

ORGANIZATION_SLUG = "beispiel-compoundierwerk-zeitz-gmbh"
EVENT_SLUG = "werkstattgespraech-rezyklate-im-spritzguss"
NEWS_TITLE = "Neue Ausbildungswerkstatt für Verfahrensmechaniker in Zeitz"

# The page whose German text is revised after its English one.
OUTDATED_PAGE = "strategy"
REVISION_DE = (
    "<p>Stand Dezember 2026: Die Arbeitsgruppe Rohstoffwandel hat ihr "
    "Positionspapier zur Kreislaufwirtschaft vorgelegt; es fließt in die "
    "Fortschreibung der Clusterstrategie ein.</p>"
)
# How long before the German revision the English text was last changed.
ENGLISH_AGE = datetime.timedelta(days=30)


def load_untranslated(editor, stdout):
    created = sum(
        (
            german_only_organization(),
            german_only_event(),
            german_only_news_item(),
            outdated_english_page(editor),
        )
    )
    stdout.write(f"Untranslated demo entries: {created} created, the rest there.")


def german_only_organization():
    if Organization.objects.filter(slug=ORGANIZATION_SLUG).exists():
        return 0
    latitude, longitude = demo_data.CITY_COORDINATES["Zeitz"]
    organization = Organization.objects.create(
        slug=ORGANIZATION_SLUG,
        name="Beispiel Compoundierwerk Zeitz GmbH",
        kind="company",
        size="sme",
        city="Zeitz",
        postcode="06712",
        federal_state="sachsen-anhalt",
        is_sample=True,
        latitude=latitude,
        longitude=longitude,
        description_de=(
            "Das Compoundierwerk in Zeitz veredelt Rezyklate aus Polyolefinen "
            "zu Granulaten für den Spritzguss. Die englische Fassung dieses "
            "Eintrags fehlt noch (Beispieleintrag der Demo)."
        ),
        description_en="",
    )
    organization.sectors.set(Sector.objects.filter(slug="kunststoffe"))
    return 1


def german_only_event():
    if Event.objects.filter(slug=EVENT_SLUG).exists():
        return 0
    day = timezone.localdate() + datetime.timedelta(days=38)
    event = Event(
        slug=EVENT_SLUG,
        category=Category.objects.get(slug="workshop"),
        organizer=Organization.objects.filter(slug=ORGANIZATION_SLUG).first(),
        title_de="Werkstattgespräch: Rezyklate im Spritzguss",
        title_en="",
        teaser_de="Erfahrungen aus der Praxis mit Rezyklaten in technischen Bauteilen.",
        teaser_en="",
        description_de=(
            "Anwender und Compoundeure berichten, wie sie Rezyklate im Spritzguss "
            "einsetzen. Diese Veranstaltung gibt es nur auf Deutsch.\n\n"
            + SAMPLE_NOTE["de"]
        ),
        description_en="",
        start=timezone.make_aware(datetime.datetime.combine(day, datetime.time(14))),
        end=timezone.make_aware(datetime.datetime.combine(day, datetime.time(17))),
        venue_name="Beispiel Compoundierwerk Zeitz",
        postcode="06712",
        city="Zeitz",
        federal_state="sachsen-anhalt",
        is_published=True,
        is_sample=True,
    )
    event.full_clean()
    event.save()
    event.fields_of_action.set(FieldOfAction.objects.filter(slug="innovation"))
    return 1


def german_only_news_item():
    if NewsItem.objects.filter(title_de=NEWS_TITLE).exists():
        return 0
    NewsItem.objects.create(
        title_de=NEWS_TITLE,
        title_en="",
        teaser_de=(
            "Das Beispiel Compoundierwerk Zeitz bildet ab dem kommenden Jahr "
            "Verfahrensmechaniker für Kunststoff- und Kautschuktechnik aus."
        ),
        teaser_en="",
        # Older than the other demo news, so the feeds' twenty stay as they were.
        date=datetime.date(2025, 2, 27),
    )
    return 1


def outdated_english_page(editor):
    """Revise the German text of a page through the publishing path, as an
    editor would, and date its English version a month before."""
    german_versions = Version.objects.filter_by_content_grouping_values(
        PageContent.admin_manager.filter(
            page__reverse_id=OUTDATED_PAGE, language="de"
        ).first()
    )
    if german_versions.count() != 1:
        return 0
    published = german_versions.get()
    draft = published.copy(editor)
    text = (
        draft.content.get_placeholders()
        .get(slot="content")
        .get_plugins("de")
        .filter(plugin_type="TextPlugin")
        .first()
        .get_bound_plugin()
    )
    text.body += REVISION_DE
    text.save()
    draft.publish(editor)
    english = Version.objects.get_for_content(
        PageContent.admin_manager.get(
            page__reverse_id=OUTDATED_PAGE, language="en", versions__state=PUBLISHED
        )
    )
    # Version.modified is set on every state change; this dates the last one.
    Version.objects.filter(pk=english.pk).update(modified=draft.modified - ENGLISH_AGE)
    return 1
