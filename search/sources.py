"""What the index holds of each kind of content, per language.

Each ``*_entries`` function takes one object and returns the entries visitors
may find in each language (none for anything they must not see). Time
windows are stored on the entry, so items appear and expire without a save.
"""

import datetime

from cms.utils.apphook_reload import reload_urlconf
from django.conf import settings
from django.urls import NoReverseMatch
from django.utils import timezone, translation

from .models import Kind
from .text import keys, plain_text

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def entry(kind, title, url, *, body="", names=(), date=None, **extra):
    return {
        "kind": kind,
        "title": title[:300],
        "url": url,
        "body": body,
        "keys": keys(title, *names)[:500],
        "date": _moment(date),
        **extra,
    }


def per_language(build):
    """Call ``build()`` in each language; a link that cannot be made (no
    page carries the app) leaves that language out."""
    entries = {}
    for language in LANGUAGES:
        with translation.override(language):
            try:
                built = build()
            except NoReverseMatch:
                # An apphook page published in this process since its URLs
                # were loaded (as load_demo_content does) needs a reload.
                reload_urlconf()
                try:
                    built = build()
                except NoReverseMatch:
                    continue
        entries[language] = built
    return entries


def _moment(value):
    if isinstance(value, datetime.datetime) or value is None:
        return value
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time()))


def _join(*parts):
    return " ".join(part for part in parts if part)


def organization_entries(organization):
    if not organization.is_published:
        return {}
    sectors = list(organization.sectors.all())
    return per_language(
        lambda: entry(
            Kind.ORGANIZATION,
            organization.name,
            organization.get_absolute_url(),
            body=_join(
                organization.short_name,
                organization.city,
                " ".join(sector.name for sector in sectors),
                organization.description,
            ),
            names=(organization.short_name,),
            date=organization.updated,
        )
    )


def person_entries(person):
    organization = person.organization
    if organization is None or not organization.is_published:
        return {}
    return per_language(
        lambda: entry(
            Kind.PERSON,
            person.full_name,
            organization.get_absolute_url(),
            body=_join(
                person.position,
                person.speaker_role,
                organization.name,
                organization.city,
            ),
            names=(f"{person.first_name} {person.last_name}", person.last_name),
        )
    )


def event_entries(event):
    if not event.is_published:
        return {}
    fields = list(event.fields_of_action.all())
    return per_language(
        lambda: entry(
            Kind.EVENT,
            event.title,
            event.get_absolute_url(),
            body=_join(
                event.teaser,
                event.description,
                event.location_text,
                event.organizer.name if event.organizer else "",
                event.category.name,
                " ".join(field.name for field in fields),
                programme_text(event),
            ),
            date=event.start,
            visible_from=event.publish_from,
            visible_until=event.publish_until,
        )
    )


def programme_text(event):
    """The titles of an event's sessions and the names of their speakers."""
    parts = []
    for session in event.sessions.all():
        parts.append(session.title)
        for speaker in session.speakers.all():
            parts.extend((speaker.display_name, speaker.affiliation_name))
    return _join(*parts)


def document_entries(document, file_text=""):
    """A members-only document is found by its title only: neither its
    description nor its file ever enter the index."""
    restricted = document.is_members_only
    event = document.event
    if event is not None and not event.is_visible():
        event = None

    def build():
        label = str(document.series_label)
        body = "" if restricted else _join(document.description, file_text)
        return entry(
            Kind.DOCUMENT,
            document.title,
            document.get_absolute_url(),
            body=_join(label, event.title if event else "", body),
            names=(label, str(document.number)),
            date=document.publication_date,
            is_restricted=restricted,
        )

    return per_language(build)


def news_entries(item):
    if not item.is_published:
        return {}
    return per_language(
        lambda: entry(
            Kind.NEWS,
            item.title,
            item.get_absolute_url(),
            body=_join(item.teaser, plain_text(item.body)),
            date=item.date,
            visible_from=item.publish_from,
            visible_until=item.publish_until,
        )
    )


def issue_entries(issue):
    if not issue.is_published:
        return {}
    return per_language(
        lambda: entry(
            Kind.ISSUE,
            str(issue),
            issue.get_absolute_url(),
            body=plain_text(issue.editorial),
            names=(issue.theme, f"CKnews {issue.number}"),
            date=issue.published_on,
            visible_from=_moment(issue.published_on),
        )
    )


def article_entries(article):
    issue = article.issue
    if not issue.is_published:
        return {}
    return per_language(
        lambda: entry(
            Kind.ARTICLE,
            article.title,
            f"{issue.get_absolute_url()}#{article.anchor}",
            body=_join(str(issue), plain_text(article.body)),
            date=issue.published_on,
            visible_from=_moment(issue.published_on),
        )
    )


def page_entries(page_content):
    """The published content of a CMS page in its own language."""
    page = page_content.page
    if page.login_required:
        return {}
    language = page_content.language
    texts = [page_content.meta_description or ""]
    for placeholder in page_content.get_placeholders():
        for plugin in placeholder.get_plugins(language).order_by("position"):
            instance, _plugin = plugin.get_plugin_instance()
            texts.append(plugin_text(instance))
    with translation.override(language):
        url = page.get_absolute_url(language)
    return {
        language: entry(
            Kind.PAGE,
            page_content.title,
            url,
            body=_join(*texts),
            names=(page_content.menu_title, page_content.page_title),
            date=page_content.changed_date,
        )
    }


def plugin_text(instance):
    """The words a plugin shows of its own: a text plugin's body, a
    frontend plugin's text fields."""
    if instance is None:
        return ""
    if hasattr(instance, "body") and isinstance(instance.body, str):
        return plain_text(instance.body)
    config = getattr(instance, "config", None)
    if isinstance(config, dict):
        return " ".join(
            plain_text(value)
            for name, value in config.items()
            if isinstance(value, str) and name in {"text", "heading", "title", "lead"}
        )
    return ""
