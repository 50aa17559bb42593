from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .models import SearchQueryLog
from .services import STATISTICS_DAYS, statistics


@admin.register(SearchQueryLog)
class SearchQueryLogAdmin(admin.ModelAdmin):
    """What visitors searched for in the last 90 days: the most frequent
    searches and those that found nothing, as query text and counts."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        top, missed = statistics()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Searches of the last %(days)d days")
            % {"days": STATISTICS_DAYS},
            "top": top,
            "missed": missed,
        }
        return TemplateResponse(request, "admin/search/statistics.html", context)
