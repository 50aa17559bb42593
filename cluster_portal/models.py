from django.db import models
from django.utils.translation import gettext_lazy as _


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
