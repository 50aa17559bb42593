from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import cache as portal_cache


class Term(models.Model):
    """An entry of a vocabulary the editors maintain (sectors, categories …),
    in their order."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    @classmethod
    def slug_choices(cls):
        """(slug, name) of every term, in order and in the current language,
        for a filter; read once per content version."""
        return portal_cache.kept(
            f"{cls._meta.label_lower}:slug-choices:{get_language()}",
            lambda: [(term.slug, str(term)) for term in cls.objects.all()],
        )


class TranslatedObject:
    """An app object with a page in each language its text is written in.

    ``translation_field`` names the translated field whose text makes a
    language version: without it, the page in that language shows the German
    text, so sitemaps and ``hreflang`` links leave that language out.
    """

    translation_field = "title"

    def translated_languages(self):
        return [
            code
            for code in settings.LANGUAGE_CODES
            if getattr(self, f"{self.translation_field}_{code}")
        ]


class TranslationStatus(ContentType):
    """The editors' translation view in the admin: per kind of content, what
    is written in one language only (see ``translation_status``). It has no
    rows of its own; the proxy gives the view its place in the admin index."""

    class Meta:
        proxy = True
        verbose_name = _("translation status")
        verbose_name_plural = _("translation status")
