import datetime

from django.db import models
from django.db.models import Min, Q
from django.utils import timezone


def published_q(now):
    """Events that visitors may see at the moment ``now``."""
    return (
        Q(is_published=True)
        & (Q(publish_from__isnull=True) | Q(publish_from__lte=now))
        & (Q(publish_until__isnull=True) | Q(publish_until__gt=now))
    )


class EventQuerySet(models.QuerySet):
    def published(self, now=None):
        """Events visitors see: published and inside their publication window."""
        return self.filter(published_q(now or timezone.now()))

    def with_related(self):
        """What lists and feeds show of each event, in a fixed number of queries."""
        return self.select_related("category", "organizer")

    def with_dossier(self):
        """An event's page with its programme, speakers, documents, photos and
        report, in a fixed number of queries however long the programme."""
        from .dossier_models import Session, SessionSpeaker

        speakers = SessionSpeaker.objects.select_related("person__organization")
        sessions = Session.objects.prefetch_related(
            models.Prefetch("speakers", queryset=speakers)
        )
        return (
            self.with_related()
            .select_related("report_issue", "report_news")
            .prefetch_related(
                "fields_of_action",
                models.Prefetch("sessions", queryset=sessions),
                "photos",
                "documents",
            )
        )

    def involving(self, organization):
        """Events the organisation organised or one of its people spoke at.

        The keys of both, united first: an OR across the speakers' joins
        would need a DISTINCT over whole events, which sorts every match.
        """
        from .dossier_models import SessionSpeaker

        organised = self.model.objects.filter(organizer=organization)
        spoke = SessionSpeaker.objects.filter(person__organization=organization)
        keys = (
            organised.values("pk")
            .order_by()
            .union(spoke.values("session__event").order_by())
        )
        return self.filter(pk__in=keys)

    def upcoming(self, now=None):
        """Events that have not ended yet (running ones included), soonest first.

        An all-day event is stored as ending at midnight after its last day,
        so it stays upcoming for the whole of that day.
        """
        return self.filter(end__gt=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        """Events that have ended, latest first."""
        return self.filter(end__lte=now or timezone.now()).order_by("-start", "-pk")

    def in_year(self, year):
        return self.filter(start_date__year=year)

    def overlapping(self, first_day, last_day):
        """Events taking place on at least one day between the two dates."""
        return self.filter(start_date__lte=last_day, end_date__gte=first_day).order_by(
            "start", "pk"
        )

    def featured(self):
        return self.filter(is_featured=True)

    def for_organizer(self, organization):
        """The events an organisation of the Clusteratlas organises."""
        return self.filter(organizer=organization).with_related()

    def filtered(
        self, *, category=None, field_of_action=None, state=None, organizer=None
    ):
        """Narrow by the filters of the calendar pages (the organiser by its
        slug); ``None`` means any."""
        events = self
        if category is not None:
            events = events.filter(category=category)
        if field_of_action is not None:
            events = events.filter(fields_of_action=field_of_action)
        if state:
            events = events.filter(federal_state=state)
        if organizer is not None:
            events = events.filter(organizer__slug=organizer)
        return events

    def archive_years(self, now=None):
        """The years that have ended events, latest first."""
        return list(
            self.past(now)
            .order_by()
            .values_list("start_date__year", flat=True)
            .distinct()
            .order_by("-start_date__year")
        )

    def next_change(self, now=None):
        """When a list of upcoming published events next changes by itself:
        an event ends, or a publication window opens or closes. ``None`` if
        nothing is scheduled to change."""
        now = now or timezone.now()
        moments = self.aggregate(
            next_end=Min("end", filter=Q(end__gt=now) & published_q(now)),
            next_from=Min("publish_from", filter=Q(publish_from__gt=now)),
            next_until=Min("publish_until", filter=Q(publish_until__gt=now)),
        )
        upcoming = [moment for moment in moments.values() if moment is not None]
        return min(upcoming) if upcoming else None


def local_midnight(day: datetime.date) -> datetime.datetime:
    """The aware start of a calendar day in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
