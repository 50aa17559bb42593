from django.db import models
from django.db.models import Value
from django.db.models.functions import Upper


class OrganizationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_directory(self):
        """Published organisations with what a directory listing shows."""
        return self.published().prefetch_related("sectors")

    def search(self, text):
        """Organisations whose name, short name, city or description contains
        every word of the text, in any case (``Organization.search_text``)."""
        organizations = self
        for word in text.split():
            organizations = organizations.filter(
                search_text__contains=Upper(Value(word))
            )
        return organizations


class PersonQuerySet(models.QuerySet):
    def speakers(self):
        # The German role is the one every speaker has (English falls back to it).
        return (
            self.filter(speaker_role_de__gt="")
            .select_related("organization")
            .order_by("order", "last_name")
        )

    def management(self):
        return (
            self.filter(is_management=True)
            .select_related("organization")
            .order_by("order", "last_name")
        )
