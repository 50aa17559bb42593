"""Keep caches and personal data in step with the models."""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from cluster_portal import cache as portal_cache

from .models import Article, Delivery, Issue, NewsItem, Subscriber

portal_cache.watch("news", NewsItem, Issue, Article)
# News items appear and disappear by their publication window, issues on
# their publication day.
portal_cache.schedule(NewsItem.objects.next_change_after)
portal_cache.schedule(Issue.objects.next_release_after)


@receiver(pre_delete, sender=Subscriber)
def forget_subscriber(sender, instance, **kwargs):
    """Deleting a subscriber (on request, under Art. 17 GDPR) leaves nothing
    that names them.

    Their deliveries stay as anonymous counts: the link goes (SET_NULL) and so
    do error texts, which mail servers often write with the address in them.
    The admin's history names objects by ``str()``, that is by address; its
    entries for this subscriber, including the deletion itself, keep only
    the number.
    """
    Delivery.objects.filter(subscriber=instance).update(error="")
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Subscriber),
        object_id=str(instance.pk),
    ).update(object_repr=f"#{instance.pk}")
