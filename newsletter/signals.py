"""Keep caches and personal data in step with the models."""

from cms.cache import invalidate_cms_page_cache
from cms.cache.placeholder import clear_placeholder_cache
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from .models import Delivery, Issue, LatestNews, NewsItem, Subscriber


@receiver(post_save, sender=NewsItem)
@receiver(post_delete, sender=NewsItem)
@receiver(post_save, sender=Issue)
@receiver(post_delete, sender=Issue)
def clear_news_caches(sender, **kwargs):
    """CMS pages and placeholders showing news are cached; drop them."""
    for plugin in LatestNews.objects.select_related("placeholder"):
        if plugin.placeholder is not None:
            clear_placeholder_cache(
                plugin.placeholder, plugin.language, settings.SITE_ID
            )
    invalidate_cms_page_cache()


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
