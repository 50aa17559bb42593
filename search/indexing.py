"""Keep the search index in step with the content.

``index_object`` rewrites the entries of one object at once (signals call it
on every save); ``index_document_file`` adds the text inside a public
CKreihe file, run by the background worker after the commit.
"""

import re

from cms.models import Page, PageContent
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from cluster_portal.background import enqueue_once
from events.models import Event, EventDocument
from members.models import Organization, Person
from newsletter.models import Article, Issue, NewsItem

from . import sources
from .extraction import extract_text
from .models import SearchEntry, SearchWord

# What each model's entries come from, with what to fetch along in bulk.
SOURCES = {
    Organization: (sources.organization_entries, ("sectors",), ()),
    Person: (sources.person_entries, (), ("organization",)),
    Event: (
        sources.event_entries,
        ("fields_of_action", "sessions__speakers__person__organization"),
        ("category", "organizer"),
    ),
    EventDocument: (sources.document_entries, (), ("event",)),
    NewsItem: (sources.news_entries, (), ()),
    Issue: (sources.issue_entries, (), ()),
    Article: (sources.article_entries, (), ("issue",)),
}
SUGGESTION_WORD = re.compile(r"[^\W\d_]{4,40}")


def index_object(instance, **source_kwargs):
    """Write the entries of one object, removing those it no longer has."""
    build, _prefetch, _related = SOURCES[type(instance)]
    write_entries(type(instance), instance.pk, build(instance, **source_kwargs))


def index_document_file(document_pk):
    """Index a CKreihe document with the text inside its file, if public."""
    document = EventDocument.objects.select_related("event").filter(pk=document_pk)
    document = document.first()
    if document is None:
        return
    index_object(document, file_text=document_file_text(document))


def document_file_text(document):
    if document.is_members_only or not document.file:
        return ""
    try:
        with document.file.open("rb") as handle:
            return extract_text(handle, document.extension)
    except OSError:
        return ""


def index_document_file_on_commit(document):
    """Have a worker read the file once the document is saved for good."""
    from .tasks import index_document_file as task

    transaction.on_commit(lambda: enqueue_once(task, document.pk))


def index_page(page):
    """Index every language of a page from its published content."""
    contents = PageContent.objects.filter(page=page).select_related("page")
    published = {}
    for content in contents:
        published.update(sources.page_entries(content))
    write_entries(Page, page.pk, published)


def remove_object(model, pk):
    SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=pk
    ).delete()


def write_entries(model, pk, entries):
    content_type = ContentType.objects.get_for_model(model)
    stale = SearchEntry.objects.filter(content_type=content_type, object_id=pk)
    stale.exclude(language__in=list(entries)).delete()
    for language, values in entries.items():
        SearchEntry.objects.update_or_create(
            content_type=content_type,
            object_id=pk,
            language=language,
            defaults=values,
        )
        remember_words(language, f"{values['title']} {values['body']}")


def remember_words(language, text):
    words = {word.lower() for word in SUGGESTION_WORD.findall(text)}
    SearchWord.objects.bulk_create(
        [SearchWord(language=language, word=word) for word in words],
        ignore_conflicts=True,
        batch_size=500,
    )
