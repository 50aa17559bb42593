from django.contrib import admin, messages
from django.db import transaction
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationAdmin

from . import services
from .dossier_admin import EventPhotoInline, SessionInline
from .forms import EventAdminForm
from .models import Category, Event, FieldOfAction


@admin.register(Category)
class CategoryAdmin(TranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name_de", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_de"]}


@admin.register(FieldOfAction)
class FieldOfActionAdmin(TranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name_de", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_de"]}


class UpcomingFilter(admin.SimpleListFilter):
    title = _("date")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", _("Upcoming")), ("past", _("Past"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "upcoming":
            return queryset.filter(end__gt=now)
        if self.value() == "past":
            return queryset.filter(end__lte=now)
        return queryset


@admin.register(Event)
class EventAdmin(TabbedTranslationAdmin):
    """Events by date, with filters, search, duplication and preview.

    Days and times are entered in local time (Europe/Berlin); an all-day
    event needs only its days.
    """

    form = EventAdminForm
    list_display = [
        "title",
        "when",
        "category",
        "city",
        "organizer",
        "is_published",
        "is_featured",
        "is_cancelled",
        "preview_link",
    ]
    list_display_links = ["title"]
    list_filter = [
        UpcomingFilter,
        "category",
        "fields_of_action",
        "federal_state",
        "is_published",
        "is_featured",
        "is_cancelled",
        "is_all_day",
        "is_sample",
    ]
    list_select_related = ["category", "organizer"]
    search_fields = [
        "title_de",
        "title_en",
        "teaser_de",
        "teaser_en",
        "venue_name",
        "city",
        "organizer__name",
        "slug",
    ]
    date_hierarchy = "start_date"
    ordering = ["-start"]
    prepopulated_fields = {"slug": ["title_de"]}
    readonly_fields = ["sequence", "uid", "created", "updated"]
    actions = ["duplicate"]
    autocomplete_fields = ["report_issue", "report_news"]
    inlines = [SessionInline, EventPhotoInline]
    save_on_top = True
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "teaser",
                    "description",
                    "category",
                    "fields_of_action",
                    "organizer",
                ]
            },
        ),
        (
            _("Date and time"),
            {
                "description": _(
                    "Local time (Berlin). For an event on a single day, the "
                    "first and last day are the same."
                ),
                "fields": [
                    "is_all_day",
                    ("start_date", "start_time"),
                    ("end_date", "end_time"),
                ],
            },
        ),
        (
            _("Venue"),
            {
                "fields": [
                    "venue_name",
                    "street",
                    ("postcode", "city"),
                    "federal_state",
                    "online_url",
                ]
            },
        ),
        (
            _("Registration"),
            {"fields": ["registration_url", "registration_deadline"]},
        ),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (
            _("Report"),
            {
                "description": _(
                    "Where CKnews or the news reported on the event; linked on "
                    "its page."
                ),
                "fields": ["report_issue", "report_news"],
            },
        ),
        (
            _("Publication"),
            {
                "fields": [
                    "is_published",
                    "is_featured",
                    ("publish_from", "publish_until"),
                    "is_cancelled",
                    "is_sample",
                ]
            },
        ),
        (
            _("Calendar apps"),
            {
                "classes": ["collapse"],
                "fields": ["uid", "sequence", "created", "updated"],
            },
        ),
    ]

    @admin.display(description=_("date"), ordering="start")
    def when(self, event):
        if event.is_all_day:
            return event.start_date
        return timezone.localtime(event.start).strftime("%Y-%m-%d %H:%M")

    @admin.display(description=_("preview"))
    def preview_link(self, event):
        url = self.view_on_site(event)
        if url is None:
            return "–"
        label = _("View") if event.is_visible() else _("Preview")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', url, label
        )

    def view_on_site(self, event):
        """The public page (a preview for editors while unpublished); a
        relative link, so it works on every host name."""
        try:
            return event.get_absolute_url()
        except NoReverseMatch:  # no page carries the calendar's apphook yet
            return None

    @admin.action(description=_("Duplicate the selected events (unpublished)"))
    def duplicate(self, request, queryset):
        with transaction.atomic():
            copies = [services.duplicate_event(event) for event in queryset]
        self.message_user(
            request,
            ngettext(
                "%(count)d copy created; it is unpublished.",
                "%(count)d copies created; they are unpublished.",
                len(copies),
            )
            % {"count": len(copies)},
            messages.SUCCESS,
        )


# The CKreihe's admin lives in its own module.
from . import document_admin  # noqa: E402, F401
