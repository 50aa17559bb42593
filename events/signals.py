"""Keep the cached pages and files in step with the calendar."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from cluster_portal import cache as portal_cache

from .document_models import delete_file_on_commit
from .models import (
    Category,
    Event,
    EventDocument,
    EventPhoto,
    FieldOfAction,
    Session,
    SessionSpeaker,
)

portal_cache.watch(
    "events", Event, Category, FieldOfAction, Session, SessionSpeaker, EventPhoto
)
# An organisation's page lists the past events it organised or spoke at.
portal_cache.watch("directory", Session, SessionSpeaker)
portal_cache.watch("documents", EventDocument)
# Events pass and publication windows open or close without a save.
portal_cache.schedule(Event.objects.next_change)


@receiver(post_delete, sender=EventDocument)
def delete_document_file(sender, instance, **kwargs):
    """A deleted document takes its file along, once the deletion is committed."""
    if instance.file:
        delete_file_on_commit(instance.is_members_only, instance.file.name)
