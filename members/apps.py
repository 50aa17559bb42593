from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Cluster atlas")

    def ready(self):
        from .models import Organization, Person, Sector
        from .signals import directory_changed

        for model in (Organization, Person, Sector):
            post_save.connect(directory_changed, sender=model)
            post_delete.connect(directory_changed, sender=model)
        m2m_changed.connect(directory_changed, sender=Organization.sectors.through)
