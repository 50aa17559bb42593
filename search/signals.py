"""Every save, publish, unpublish and delete updates the index at once."""

from cms.models import Page, PageContent
from django.db.models.signals import m2m_changed, post_delete, post_save
from djangocms_versioning.constants import OPERATION_PUBLISH, OPERATION_UNPUBLISH
from djangocms_versioning.signals import post_version_operation

from events.models import Event, EventDocument, Session, SessionSpeaker
from members.models import Organization
from newsletter.models import Issue

from . import indexing


def object_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    indexing.index_object(instance)
    if sender is EventDocument:
        indexing.index_document_file_on_commit(instance)


def object_deleted(sender, instance, **kwargs):
    indexing.remove_object(sender, instance.pk)


def relations_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and (
        type(instance) in indexing.SOURCES
    ):
        indexing.index_object(instance)


def organization_saved(sender, instance, raw=False, **kwargs):
    """People and events show their organisation's name and link."""
    if raw:
        return
    for person in instance.people.select_related("organization"):
        indexing.index_object(person)
    for event in instance.events.select_related("category", "organizer"):
        indexing.index_object(event)


def programme_changed(sender, instance, raw=False, **kwargs):
    """An event is found by its programme's titles and speakers."""
    if raw:
        return
    if sender is Session:
        events = Event.objects.filter(pk=instance.event_id)
    else:
        events = Event.objects.filter(sessions=instance.session_id)
    event = events.with_related().first()
    if event is not None:
        indexing.index_object(event)


def issue_saved(sender, instance, raw=False, **kwargs):
    """Articles are visible with their issue only."""
    if raw:
        return
    for article in instance.articles.select_related("issue"):
        indexing.index_object(article)


def version_changed(sender, operation, obj, **kwargs):
    if sender is PageContent and operation in (OPERATION_PUBLISH, OPERATION_UNPUBLISH):
        indexing.index_page(obj.content.page)


def page_deleted(sender, instance, **kwargs):
    indexing.remove_object(Page, instance.pk)


def connect():
    for model in indexing.SOURCES:
        post_save.connect(object_saved, sender=model, dispatch_uid=f"search-{model}")
        post_delete.connect(
            object_deleted, sender=model, dispatch_uid=f"search-del-{model}"
        )
    post_save.connect(organization_saved, sender=Organization)
    post_save.connect(issue_saved, sender=Issue)
    for model in (Session, SessionSpeaker):
        post_save.connect(programme_changed, sender=model)
        post_delete.connect(programme_changed, sender=model)
    m2m_changed.connect(relations_changed, sender=Organization.sectors.through)
    m2m_changed.connect(relations_changed, sender=Event.fields_of_action.through)
    post_version_operation.connect(version_changed)
    post_delete.connect(page_deleted, sender=Page)
