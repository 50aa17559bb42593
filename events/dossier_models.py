"""An event's record once it has passed: programme, speakers and photos.

The CKreihe documents (document_models.py) and the report (``Event.report_issue``,
``Event.report_news``) complete the dossier.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy as _


class Session(models.Model):
    """One item of an event's programme: a talk, a panel, a break …"""

    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        related_name="sessions",
        on_delete=models.CASCADE,
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"),
        default=0,
        help_text=_("Orders sessions that start at the same time."),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["start", "order", "pk"]
        verbose_name = _("programme session")
        verbose_name_plural = _("programme")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})


class SessionSpeaker(models.Model):
    """A speaker of a session: a person of the Clusteratlas, or a name with
    an affiliation for someone outside it."""

    session = models.ForeignKey(
        Session,
        verbose_name=_("programme session"),
        related_name="speakers",
        on_delete=models.CASCADE,
    )
    person = models.ForeignKey(
        "members.Person",
        verbose_name=_("person in the Clusteratlas"),
        related_name="sessions",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("For speakers who are not in the Clusteratlas."),
    )
    affiliation = models.CharField(
        _("affiliation"),
        max_length=200,
        blank=True,
        help_text=_("Their organisation, if they are not in the Clusteratlas."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.display_name

    def clean(self):
        super().clean()
        if self.person_id and (self.name or self.affiliation):
            raise ValidationError(
                _("Choose a person from the Clusteratlas or enter a name, not both.")
            )
        if not self.person_id and not self.name:
            raise ValidationError(
                _("Choose a person from the Clusteratlas or enter a name.")
            )

    @property
    def display_name(self):
        return self.person.full_name if self.person else self.name

    @property
    def organization(self):
        """The speaker's published organisation in the Clusteratlas, if any."""
        if self.person is None or self.person.organization is None:
            return None
        organization = self.person.organization
        return organization if organization.is_published else None

    @property
    def affiliation_name(self):
        if self.person is None:
            return self.affiliation
        return self.organization.name if self.organization else ""

    @property
    def organization_url(self):
        """The organisation's page, or None while no page carries the
        Clusteratlas apphook."""
        if self.organization is None:
            return None
        try:
            return self.organization.get_absolute_url()
        except NoReverseMatch:
            return None


class EventPhoto(models.Model):
    """A photo of an event, shown in the gallery of its page."""

    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        related_name="photos",
        on_delete=models.CASCADE,
    )
    image = models.ImageField(
        _("image"),
        upload_to="events/photos/",
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    alt = models.CharField(
        _("image description"),
        max_length=300,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(
        _("photo credit"), max_length=200, blank=True, help_text=_("e.g. Foto: …")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.alt
