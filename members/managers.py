from django.db import models
from django.db.models import Value
from django.db.models.functions import Concat


class OrganizationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_directory(self):
        """Published organisations with what a directory listing shows."""
        return self.published().prefetch_related("sectors")

    def search(self, text):
        """Organisations whose name, short name, city or description contains
        every word of the text."""
        organizations = self.alias(search_text=search_text())
        for word in text.split():
            organizations = organizations.filter(search_text__icontains=word)
        return organizations


def search_text():
    """The fields the Clusteratlas searches, as one text. A word has no
    spaces, so it is found in the text exactly where it is found in one of
    the fields; on PostgreSQL a trigram index of this text finds it
    (migration 0005)."""
    fields = ["name", "short_name", "city", "description_de", "description_en"]
    parts = [part for field in fields for part in (field, Value(" "))][:-1]
    return Concat(*parts, output_field=models.TextField())


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
