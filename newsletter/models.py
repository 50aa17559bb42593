from cms.models import CMSPlugin
from django.conf import settings
from django.core.validators import (
    FileExtensionValidator,
    MaxValueValidator,
    MinValueValidator,
)
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cluster_portal.models import TranslatedObject

from .html import SanitizedHTMLField
from .managers import (
    DeliveryQuerySet,
    IssueQuerySet,
    NewsItemQuerySet,
    SubscriberQuerySet,
)

# Umlauts as Germans write them without: "Größe" becomes "groesse", not "grobe".
GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


class Issue(TranslatedObject, models.Model):
    """One quarterly issue of CKnews, the cluster's thematic newsletter."""

    translation_field = "theme"

    class Quarter(models.IntegerChoices):
        Q1 = 1, _("1st quarter")
        Q2 = 2, _("2nd quarter")
        Q3 = 3, _("3rd quarter")
        Q4 = 4, _("4th quarter")

    number = models.PositiveIntegerField(_("number"), unique=True)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(_("quarter"), choices=Quarter.choices)
    theme = models.CharField(_("theme"), max_length=200)
    editorial = models.TextField(
        _("editorial"),
        blank=True,
        help_text=_("Plain text; an empty line starts a new paragraph."),
    )
    cover = models.ImageField(_("cover image"), upload_to="cknews/covers/", blank=True)
    pdf = models.FileField(
        _("PDF"),
        upload_to="cknews/pdf/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"])],
        help_text=_("The issue as a PDF file for download."),
    )
    published_on = models.DateField(_("issue date"), default=timezone.localdate)
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Visitors see the issue from its publication date on."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        verbose_name = _("CKnews issue")
        verbose_name_plural = _("CKnews issues")
        permissions = [("send_issue", _("Can send an issue to subscribers"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4),
                name="newsletter_issue_quarter_1_to_4",
            )
        ]

    def __str__(self):
        return f"CKnews {self.number}: {self.theme}"

    def get_absolute_url(self):
        return reverse("newsletter:issue-detail", kwargs={"number": self.number})

    @property
    def is_visible(self):
        return self.is_published and self.published_on <= timezone.localdate()


class Article(models.Model):
    """A contribution to a CKnews issue, shown on the issue's page."""

    issue = models.ForeignKey(
        Issue,
        verbose_name=_("issue"),
        on_delete=models.CASCADE,
        related_name="articles",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    body = SanitizedHTMLField(
        _("text"),
        help_text=_(
            "HTML: paragraphs, subheadings (h2, h3), lists, links, bold and italic. "
            "Anything else is removed on saving."
        ),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return self.title

    @property
    def anchor(self):
        return f"article-{self.pk}"


class NewsItem(TranslatedObject, models.Model):
    """A news item ("Meldung") for the homepage and the news list."""

    title = models.CharField(_("title"), max_length=200)
    teaser = models.TextField(
        _("teaser"), max_length=400, help_text=_("One or two sentences, plain text.")
    )
    body = SanitizedHTMLField(
        _("text"),
        blank=True,
        help_text=_(
            "HTML: paragraphs, subheadings (h2, h3), lists, links, bold and italic. "
            "Anything else is removed on saving."
        ),
    )
    image = models.ImageField(_("image"), upload_to="news/", blank=True)
    image_alt = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for visitors who cannot see it."),
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    is_published = models.BooleanField(_("published"), default=True)
    publish_from = models.DateTimeField(
        _("visible from"),
        null=True,
        blank=True,
        help_text=_("Leave empty to show the item at once."),
    )
    publish_until = models.DateTimeField(
        _("visible until"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep the item visible."),
    )
    issue = models.ForeignKey(
        Issue,
        verbose_name=_("CKnews issue"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_items",
        help_text=_("An issue this item refers to, linked below the text."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(publish_from__isnull=True)
                | models.Q(publish_until__isnull=True)
                | models.Q(publish_until__gt=models.F("publish_from")),
                name="newsletter_newsitem_window_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:news-detail", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def slug(self):
        """The title in the current language, for a readable URL."""
        title = self.title.translate(GERMAN_TRANSLITERATION)
        return slugify(title)[:80].strip("-") or "news"

    def is_visible(self, now=None):
        now = now or timezone.now()
        return (
            self.is_published
            and (self.publish_from is None or self.publish_from <= now)
            and (self.publish_until is None or self.publish_until > now)
        )


class Subscriber(models.Model):
    """An address that asked for CKnews, with the proof of its consent.

    One row per address (whatever its case); unsubscribing keeps the row with
    its timestamps, so the management can show when consent was withdrawn, and
    lets the address come back.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("e-mail address"))
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="de"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    subscribed_at = models.DateTimeField(
        _("subscribed"),
        default=timezone.now,
        help_text=_("When the address last asked to subscribe."),
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    consent_version = models.CharField(
        _("version of the consent text"), max_length=20, blank=True
    )
    consent_language = models.CharField(
        _("language of the consent text"),
        max_length=5,
        choices=settings.LANGUAGES,
        blank=True,
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-subscribed_at"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), name="newsletter_subscriber_email_unique_ci"
            )
        ]
        indexes = [models.Index(fields=["status", "id"])]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED


class Delivery(models.Model):
    """One issue sent (or tried) to one subscriber.

    The row is written before the message goes out and marked sent once the
    mail server has accepted it, so a resumed send never mails anyone twice.
    When a subscriber is deleted, their deliveries stay as anonymous counts.
    """

    class Status(models.TextChoices):
        SENDING = "sending", _("Sending (outcome unknown)")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        DEFERRED = "deferred", _("Deferred (temporary failure, retried later)")

    issue = models.ForeignKey(
        Issue,
        verbose_name=_("issue"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SENDING
    )
    attempted_at = models.DateTimeField(_("attempted"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=1)
    retry_at = models.DateTimeField(_("next attempt"), null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"],
                name="newsletter_delivery_once_per_subscriber",
            )
        ]

    def __str__(self):
        return f"{self.issue} → {self.subscriber or '—'}: {self.get_status_display()}"


class LatestNews(CMSPlugin):
    """The "News" block: the latest visible news items."""

    count = models.PositiveSmallIntegerField(
        _("number of items"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )

    def __str__(self):
        return str(self.count)
