import datetime
import uuid

from cms.models import CMSPlugin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cluster_portal.models import Term, TranslatedObject
from members.models import FederalState

from .managers import EventQuerySet, local_midnight

# Slugs that would collide with the calendar's own URLs (feed.ics, feed/…).
RESERVED_SLUGS = {"feed"}


class Category(Term):
    """A kind of event (Tagung, Messe, Webinar …), maintained by the editors."""

    class Meta(Term.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")


class FieldOfAction(Term):
    """One of the cluster's fields of action (Handlungsfelder)."""

    class Meta(Term.Meta):
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")


class Event(TranslatedObject, models.Model):
    """A date in the calendar: a conference, fair, workshop, webinar …

    ``start`` and ``end`` are aware datetimes. For an all-day event they are
    the site-time-zone midnights that enclose its days (``end`` is midnight
    after the last day); ``start_date`` and ``end_date`` are the local
    calendar days the event covers, for every event, so that month views and
    archives need no time-zone arithmetic in SQL.
    """

    class AttendanceMode(models.TextChoices):
        OFFLINE = "offline", _("On site")
        ONLINE = "online", _("Online")
        MIXED = "mixed", _("On site and online")

    # What the iCal feeds show; a change to any of them raises ``sequence``.
    ICAL_FIELDS = (
        "slug",
        "title_de",
        "title_en",
        "teaser_de",
        "teaser_en",
        "description_de",
        "description_en",
        "start",
        "end",
        "is_all_day",
        "venue_name",
        "street",
        "postcode",
        "city",
        "online_url",
        "is_cancelled",
        "category_id",
    )

    uid = models.UUIDField(
        _("calendar UID"), default=uuid.uuid4, unique=True, editable=False
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The event's address on the site; letters, digits and hyphens."),
    )
    teaser = models.CharField(
        _("teaser"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for lists and the homepage."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Plain text; a blank line starts a new paragraph."),
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        related_name="events",
        on_delete=models.PROTECT,
    )
    fields_of_action = models.ManyToManyField(
        FieldOfAction,
        verbose_name=_("fields of action"),
        related_name="events",
        blank=True,
    )
    organizer = models.ForeignKey(
        "members.Organization",
        verbose_name=_("organiser"),
        related_name="events",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("The organising organisation from the Clusteratlas, if any."),
    )

    is_all_day = models.BooleanField(_("all day"), default=False)
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), db_index=True)
    start_date = models.DateField(_("first day"), db_index=True)
    end_date = models.DateField(_("last day"), db_index=True)

    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    federal_state = models.CharField(
        _("federal state"),
        max_length=20,
        choices=FederalState.choices,
        blank=True,
        help_text=_("Of the venue; leave empty for online-only events."),
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Where to join an online or hybrid event."),
    )

    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline = models.DateField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Last day on which registration is possible."),
    )
    image = models.ImageField(_("image"), upload_to="events/", blank=True)
    image_alt = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )

    report_issue = models.ForeignKey(
        "newsletter.Issue",
        verbose_name=_("report in CKnews"),
        related_name="reported_events",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("The CKnews issue that reported on the event."),
    )
    report_news = models.ForeignKey(
        "newsletter.NewsItem",
        verbose_name=_("report in the news"),
        related_name="reported_events",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("The news item that reported on the event."),
    )

    is_published = models.BooleanField(_("published"), default=False)
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown in the featured events.")
    )
    publish_from = models.DateTimeField(_("publish from"), null=True, blank=True)
    publish_until = models.DateTimeField(_("publish until"), null=True, blank=True)
    is_cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("A cancelled event stays visible and is marked as cancelled."),
    )
    is_sample = models.BooleanField(
        _("sample"),
        default=False,
        help_text=_("Fictional demo entry; delete before going live."),
    )

    sequence = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_("Rises with every change calendar apps need to pick up."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")),
                name="events_event_end_not_before_start",
                violation_error_message=_("The end must not be before the start."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="events_event_last_day_not_before_first",
                violation_error_message=_(
                    "The last day must not be before the first day."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.normalize_dates()
        if self.pk is not None and not self._state.adding and self._feed_changed():
            self.sequence += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "sequence"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:event-detail", kwargs={"slug": self.slug})

    # --- Validation --------------------------------------------------------

    def full_clean(self, *args, **kwargs):
        # The derived moments or days must exist before fields are validated.
        self.normalize_dates()
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.start is not None and self.end is not None and self.end < self.start:
            errors["end_date"] = _("The end must not be before the start.")
        if not (self.venue_name or self.city or self.online_url):
            errors["city"] = _("Give the venue's city or an online link.")
        if self.federal_state and not self.city:
            errors["federal_state"] = _("A federal state needs a venue city.")
        if self.slug in RESERVED_SLUGS or (self.slug and self.slug.isdigit()):
            errors["slug"] = _("This slug is reserved; please choose another.")
        if (
            self.publish_from
            and self.publish_until
            and self.publish_until <= self.publish_from
        ):
            errors["publish_until"] = _("The window must end after it begins.")
        if errors:
            raise ValidationError(errors)

    def _feed_changed(self):
        """Whether what the iCal feeds show differs from the stored row."""
        stored = type(self).objects.filter(pk=self.pk).values(*self.ICAL_FIELDS)
        stored = stored.first()
        if stored is None:
            return False
        return any(getattr(self, name) != value for name, value in stored.items())

    def get_ical_url(self):
        return reverse("events:event-ical", kwargs={"slug": self.slug})

    @property
    def organizer_url(self):
        """The organiser's Clusteratlas page, or None while no page carries
        the Clusteratlas apphook (or the entry is not published)."""
        organizer = self.organizer
        if organizer is None or not organizer.is_published:
            return None
        try:
            return organizer.get_absolute_url()
        except NoReverseMatch:
            return None

    # --- Dates -------------------------------------------------------------

    def normalize_dates(self):
        """Make the stored moments and days agree, from whichever side rules:
        the days for all-day events, the moments for timed ones."""
        if self.is_all_day:
            if self.start_date is None and self.start is not None:
                self.start_date = timezone.localdate(self.start)
            if self.end_date is None and self.end is not None:
                self.end_date = timezone.localdate(self.end)
            if self.start_date is not None:
                self.start = local_midnight(self.start_date)
            if self.end_date is not None:
                self.end = local_midnight(self.end_date + datetime.timedelta(days=1))
        else:
            if self.start is not None:
                self.start_date = timezone.localdate(self.start)
            if self.end is not None:
                # An evening event ending at midnight belongs to its own day.
                last_moment = self.end
                if self.start is not None and self.end > self.start:
                    last_moment -= datetime.timedelta(microseconds=1)
                self.end_date = timezone.localdate(last_moment)

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end)

    @property
    def is_multi_day(self):
        return self.end_date > self.start_date

    def is_on(self, day):
        return self.start_date <= day <= self.end_date

    # --- Venue and publication -------------------------------------------

    @property
    def attendance_mode(self):
        on_site = bool(self.venue_name or self.city)
        if on_site and self.online_url:
            return self.AttendanceMode.MIXED
        if self.online_url:
            return self.AttendanceMode.ONLINE
        return self.AttendanceMode.OFFLINE

    @property
    def location_text(self):
        """The venue in one line, for lists and calendar apps."""
        place = f"{self.postcode} {self.city}".strip()
        parts = [part for part in (self.venue_name, self.street, place) if part]
        return ", ".join(parts)

    def is_visible(self, now=None):
        """Whether visitors see the event now (the published() filter, per row)."""
        now = now or timezone.now()
        return (
            self.is_published
            and (self.publish_from is None or self.publish_from <= now)
            and (self.publish_until is None or self.publish_until > now)
        )

    def registration_is_open(self, today=None):
        if not self.registration_url or self.is_cancelled:
            return False
        today = today or timezone.localdate()
        if self.registration_deadline is not None:
            return today <= self.registration_deadline
        return timezone.now() < self.end


class EventListPluginModel(CMSPlugin):
    """Settings of the homepage plugins that list events."""

    count = models.PositiveSmallIntegerField(
        _("number of events"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )

    def __str__(self):
        return str(self.count)


# The CKreihe documents and the dossier live in their own modules; imported
# here so that Django finds their models.
from .document_models import DocumentDownload, EventDocument  # noqa: E402, F401
from .dossier_models import EventPhoto, Session, SessionSpeaker  # noqa: E402, F401
