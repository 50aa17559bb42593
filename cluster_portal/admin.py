from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .models import TranslationStatus
from .translation_status import translation_status


@admin.register(TranslationStatus)
class TranslationStatusAdmin(admin.ModelAdmin):
    """One page for all editors: what exists in German but not in English and
    the reverse, per kind of content, with links to edit each item."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        kinds, outdated = translation_status()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Translation status"),
            "kinds": kinds,
            "outdated_pages": outdated,
        }
        return TemplateResponse(
            request, "admin/cluster_portal/translation_status.html", context
        )
