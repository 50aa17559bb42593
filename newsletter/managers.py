import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone


class IssueQuerySet(models.QuerySet):
    def published(self):
        """Issues visitors may see: released and due."""
        return self.filter(is_published=True, published_on__lte=timezone.localdate())

    def for_archive(self):
        return self.published().order_by("-year", "-quarter", "-number")

    def with_articles(self):
        return self.prefetch_related("articles")

    def next_release_after(self, now):
        """The local midnight at which the next released issue becomes due,
        or None."""
        day = (
            self.filter(is_published=True, published_on__gt=timezone.localdate(now))
            .aggregate(day=models.Min("published_on"))
            .get("day")
        )
        if day is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class NewsItemQuerySet(models.QuerySet):
    def visible(self, now=None):
        """Published items whose visibility window includes now."""
        now = now or timezone.now()
        return self.filter(
            Q(publish_from__isnull=True) | Q(publish_from__lte=now),
            Q(publish_until__isnull=True) | Q(publish_until__gt=now),
            is_published=True,
        )

    def for_list(self):
        return self.visible().select_related("issue")

    def next_change_after(self, now):
        """The next moment an item appears or disappears by its window, or
        None; caches of pages listing news must not outlive it."""
        moments = self.filter(is_published=True).aggregate(
            appears=models.Min("publish_from", filter=Q(publish_from__gt=now)),
            disappears=models.Min("publish_until", filter=Q(publish_until__gt=now)),
        )
        moments = [moment for moment in moments.values() if moment is not None]
        return min(moments, default=None)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status="confirmed")

    def with_email(self, email):
        """The subscriber with this address, in any spelling of its case."""
        return self.filter(email__iexact=email.strip())


class DeliveryQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(status="sent")

    def failed(self):
        return self.filter(status="failed")
