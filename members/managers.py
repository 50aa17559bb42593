from django.db import models
from django.db.models import Q


class OrganizationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_directory(self):
        """Published organisations with what a directory listing shows."""
        return self.published().prefetch_related("sectors")

    def search(self, text):
        """Organisations whose name, city or description contains the text."""
        terms = text.split()
        query = Q()
        for term in terms:
            query &= (
                Q(name__icontains=term)
                | Q(short_name__icontains=term)
                | Q(city__icontains=term)
                | Q(description_de__icontains=term)
                | Q(description_en__icontains=term)
            )
        return self.filter(query)


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
