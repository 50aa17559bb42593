"""The CKreihe: the cluster's series of documents on the events it held."""

import logging

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from cluster_portal.models import TranslatedObject

from .document_files import (
    DocumentFileField,
    content_type_for,
    random_file_name,
    sniff,
    storage_for,
    validate_document_file,
)

logger = logging.getLogger(__name__)


class EventDocumentQuerySet(models.QuerySet):
    def for_series(self):
        """What the series pages show, newest first, in a fixed number of
        queries: grouped by year, then by event."""
        return self.select_related("event").order_by(
            "-publication_date__year",
            models.F("event__start").desc(nulls_last=True),
            "-number",
        )

    def public(self):
        return self.filter(visibility=EventDocument.Visibility.PUBLIC)

    def members_only(self):
        return self.filter(visibility=EventDocument.Visibility.MEMBERS)

    def filtered(self, *, kind=None, year=None, search=None):
        """Narrow by the filters of the series page; ``None`` means any."""
        documents = self
        if kind:
            documents = documents.filter(kind=kind)
        if year:
            documents = documents.filter(publication_date__year=year)
        if search:
            query = (
                Q(title_de__icontains=search)
                | Q(title_en__icontains=search)
                | Q(description_de__icontains=search)
                | Q(description_en__icontains=search)
                | Q(event__title_de__icontains=search)
                | Q(event__title_en__icontains=search)
            )
            if search.isdigit():
                query |= Q(number=int(search))
            documents = documents.filter(query)
        return documents

    def years(self):
        """The years that have documents, latest first."""
        return list(
            self.order_by()
            .annotate(year=ExtractYear("publication_date"))
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )

    def with_download_counts(self):
        return self.annotate(download_count=Count("downloads"))


class EventDocument(TranslatedObject, models.Model):
    """One document of the CKreihe: proceedings, a talk, minutes …

    Public files are stored under ``MEDIA_ROOT``, members-only files under
    ``PRIVATE_MEDIA_ROOT``; changing the visibility moves the file (see
    ``save``). Files are sent only by the download view, which checks access.
    """

    class Kind(models.TextChoices):
        PROCEEDINGS = "proceedings", _("Proceedings")
        TALK = "talk", _("Talk")
        MINUTES = "minutes", _("Minutes")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    class Language(models.TextChoices):
        GERMAN = "de", _("German")
        ENGLISH = "en", _("English")
        BOTH = "de-en", _("German and English")

    number = models.PositiveIntegerField(
        _("CKreihe number"),
        unique=True,
        help_text=_("The document's place in the series, e.g. 12 for CKreihe No. 12."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        related_name="documents",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(
        _("language of the document"),
        max_length=5,
        choices=Language.choices,
        default=Language.GERMAN,
    )
    file = DocumentFileField(
        _("file"),
        upload_to=random_file_name,
        max_length=200,
        validators=[validate_document_file],
        help_text=_(
            "PDF, Word, Excel, PowerPoint, ZIP or an image; checked by its content."
        ),
    )
    original_name = models.CharField(
        _("file name"),
        max_length=200,
        editable=False,
        help_text=_("The name the file is downloaded under."),
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    content_type = models.CharField(_("file type"), max_length=100, editable=False)
    publication_date = models.DateField(_("publication date"), db_index=True)
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text=_("Members-only files can be downloaded only by logged-in members."),
    )
    is_sample = models.BooleanField(
        _("sample"),
        default=False,
        help_text=_("Fictional demo entry; delete before going live."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        verbose_name = _("CKreihe document")
        verbose_name_plural = _("CKreihe documents")

    def __str__(self):
        return f"{self.series_label}: {self.title}"

    # --- Files -------------------------------------------------------------

    def save(self, *args, **kwargs):
        """Store a new upload in the storage of the visibility, or move the
        stored file when the visibility changed; the replaced file is deleted
        once the transaction has committed, a file written for a save that
        fails is deleted at once, so no file is left without its document."""
        stored = self._stored_file()
        written = None
        if self.file and not self.file._committed:
            self.original_name = self.original_name_of(self.file.name)
            self.size = self.file.size
            self.content_type = content_type_for(self.original_name)
            self.file.save(self.file.name, self.file.file, save=False)
            written = (self.is_members_only, self.file.name)
        elif stored and self.file and stored[0] != self.is_members_only:
            self.file.name = self._move(stored, self.is_members_only)
            written = (self.is_members_only, self.file.name)
        try:
            with transaction.atomic():
                super().save(*args, **kwargs)
        except Exception:
            if written:
                storage_for(written[0]).delete(written[1])
            raise
        if stored and (stored[1], stored[0]) != (self.file.name, self.is_members_only):
            delete_file_on_commit(*stored)

    def get_absolute_url(self):
        return reverse("ckreihe:document-detail", kwargs={"number": self.number})

    def get_download_url(self):
        return reverse("ckreihe:document-download", kwargs={"number": self.number})

    @property
    def detail_url(self):
        """The document's page, or None while no page carries the CKreihe."""
        try:
            return self.get_absolute_url()
        except NoReverseMatch:
            return None

    @property
    def extension(self):
        return (
            self.original_name.rsplit(".", 1)[-1].upper() if self.original_name else ""
        )

    @property
    def series_label(self):
        return _("CKreihe No. %(number)s") % {"number": self.number}

    @property
    def is_members_only(self):
        return self.visibility == self.Visibility.MEMBERS

    def _stored_file(self):
        """(members only, file name) of the row as stored, or None."""
        if self.pk is None or self._state.adding:
            return None
        row = (
            type(self)
            .objects.filter(pk=self.pk)
            .values_list("visibility", "file")
            .first()
        )
        if row is None or not row[1]:
            return None
        return (row[0] == self.Visibility.MEMBERS, row[1])

    def _move(self, stored, to_members_only):
        was_members_only, name = stored
        with storage_for(was_members_only).open(name, "rb") as source:
            return storage_for(to_members_only).save(
                random_file_name(self, name), source
            )

    @staticmethod
    def original_name_of(name):
        return name.replace("\\", "/").rsplit("/", 1)[-1][:200]

    def sniffed_kind(self):
        with self.file.open("rb") as handle:
            return sniff(handle)


def delete_file_on_commit(members_only, name):
    """Delete a replaced or orphaned file once the change is committed."""

    def delete():
        try:
            storage_for(members_only).delete(name)
        except OSError:
            logger.warning("Could not delete the CKreihe file %s.", name)

    transaction.on_commit(delete)


class DocumentDownload(models.Model):
    """One download of a CKreihe document. Logged-in downloaders are named;
    anonymous ones are only counted (no IP address or other trace is kept)."""

    document = models.ForeignKey(
        EventDocument,
        verbose_name=_("document"),
        related_name="downloads",
        on_delete=models.CASCADE,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        related_name="document_downloads",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    downloaded_at = models.DateTimeField(_("downloaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-downloaded_at"]
        verbose_name = _("download")
        verbose_name_plural = _("downloads")

    def __str__(self):
        return f"{self.document.number} @ {self.downloaded_at:%Y-%m-%d %H:%M}"
