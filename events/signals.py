"""Keep django CMS's caches and the cached iCal feeds in step with the calendar.

The homepage plugins show events (with their category and organiser); the
CMS caches whole pages and rendered placeholders for anonymous visitors, so
any change to what the plugins show must empty those caches.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from cluster_portal.cache import invalidate_plugin_content
from members.models import Organization

from . import ical
from .document_models import delete_file_on_commit
from .models import Category, Event, EventDocument, FieldOfAction

EVENT_PLUGINS = ("NextEventsPlugin", "FeaturedEventsPlugin")


@receiver(post_save, sender=Event)
@receiver(post_delete, sender=Event)
@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
@receiver(post_save, sender=FieldOfAction)
@receiver(post_delete, sender=FieldOfAction)
@receiver(post_save, sender=Organization)
@receiver(post_delete, sender=Organization)
@receiver(m2m_changed, sender=Event.fields_of_action.through)
def invalidate_event_plugins(sender, **kwargs):
    invalidate_plugin_content(*EVENT_PLUGINS)
    ical.forget_feeds()


@receiver(post_delete, sender=EventDocument)
def delete_document_file(sender, instance, **kwargs):
    """A deleted document takes its file along, once the deletion is committed."""
    if instance.file:
        delete_file_on_commit(instance.is_members_only, instance.file.name)
