from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Kind(models.TextChoices):
    """What a search result is; the order is the order of the facets."""

    PAGE = "page", pgettext_lazy("search result kind", "Page")
    ORGANIZATION = "organization", pgettext_lazy("search result kind", "Organisation")
    PERSON = "person", pgettext_lazy("search result kind", "Person")
    EVENT = "event", pgettext_lazy("search result kind", "Event")
    DOCUMENT = "document", pgettext_lazy("search result kind", "CKreihe document")
    NEWS = "news", pgettext_lazy("search result kind", "News item")
    ISSUE = "issue", pgettext_lazy("search result kind", "CKnews issue")
    ARTICLE = "article", pgettext_lazy("search result kind", "CKnews article")


class SearchEntry(models.Model):
    """One searchable object in one language, as the results page shows it.

    The full-text index over ``title`` and ``body`` is kept by the database
    itself: a trigger fills ``vector`` on PostgreSQL, an FTS5 table mirrors
    the rows on SQLite (see the migrations).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=5, choices=settings.LANGUAGES)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    # "|name|short name|" in normalised spelling: a query equal to one of
    # them is an exact match and ranks first.
    keys = models.CharField(max_length=500, blank=True)
    url = models.CharField(max_length=500)
    # For the recency tie-break: an event's start, a news item's date …
    date = models.DateTimeField(null=True, blank=True)
    visible_from = models.DateTimeField(null=True, blank=True)
    visible_until = models.DateTimeField(null=True, blank=True)
    # Members-only: shown with its title and a lock, never with a snippet.
    is_restricted = models.BooleanField(default=False)
    vector = SearchVectorField(null=True, editable=False)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="search_entry_one_per_object_and_language",
            )
        ]
        indexes = [models.Index(fields=["language", "kind"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title} ({self.language})"


class SearchWord(models.Model):
    """A word that occurs in the index, for "did you mean" suggestions."""

    language = models.CharField(max_length=5, choices=settings.LANGUAGES)
    word = models.CharField(max_length=60)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language", "word"], name="search_word_unique"
            )
        ]

    def __str__(self):
        return self.word


class SearchQueryLog(models.Model):
    """How often a query was searched on one day: counts only, nothing that
    identifies a visitor."""

    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    query = models.CharField(_("query"), max_length=100)
    count = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search statistic")
        verbose_name_plural = _("search statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "language", "query"], name="search_log_unique"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.query}: {self.count}"
