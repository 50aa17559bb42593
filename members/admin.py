from functools import partial

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from . import actor_map, services
from .admin_views import import_organizations_view, import_template_view
from .models import (
    MemberAccount,
    OpenDataSettings,
    Organization,
    OrganizationChange,
    Person,
    Sector,
)


@admin.register(Sector)
class SectorAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name_de"]}
    search_fields = ["name_de", "name_en"]


class PersonInline(TranslationStackedInline):
    model = Person
    extra = 0
    fields = [
        ("academic_title", "first_name", "last_name"),
        "position",
        ("email", "phone"),
        "photo",
    ]


class ActorMapFilter(admin.SimpleListFilter):
    """Which organisations the actor map shows, and which it leaves off."""

    title = _("actor map")
    parameter_name = "map"

    def lookups(self, request, model_admin):
        return [
            ("on", _("On the map")),
            ("none", _("No coordinates")),
            ("outside", _("Coordinates outside the map")),
        ]

    def queryset(self, request, queryset):
        select = {
            "on": actor_map.on_map,
            "none": actor_map.without_coordinates,
            "outside": actor_map.outside_map,
        }.get(self.value())
        return select(queryset) if select else queryset


@admin.register(Organization)
class OrganizationAdmin(TabbedTranslationAdmin):
    list_display = [
        "logo_preview",
        "name",
        "kind",
        "city",
        "federal_state",
        "is_member",
        "is_published",
        "is_sample",
    ]
    list_display_links = ["logo_preview", "name"]
    list_filter = [
        "is_published",
        "is_member",
        "kind",
        "size",
        "federal_state",
        "sectors",
        "is_sample",
        ActorMapFilter,
    ]
    search_fields = ["name", "short_name", "city", "description_de", "description_en"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["sectors"]
    readonly_fields = ["logo_preview", "created", "updated"]
    inlines = [PersonInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "kind", "size", "sectors"]}),
        (_("Description"), {"fields": ["description"]}),
        (_("Logo"), {"fields": ["logo", "logo_preview"]}),
        (
            _("Address and contact"),
            {
                "description": _(
                    "Without coordinates, or with coordinates outside Saxony, "
                    "Saxony-Anhalt and Thuringia, an organisation stays off the "
                    "actor map; the filter “actor map” lists these entries."
                ),
                "fields": [
                    "street",
                    ("postcode", "city"),
                    "federal_state",
                    ("latitude", "longitude"),
                    "website",
                    "email",
                    ("phone", "fax"),
                ],
            },
        ),
        (
            _("Status"),
            {
                "fields": [
                    "is_member",
                    "is_published",
                    "is_sample",
                    "created",
                    "updated",
                ]
            },
        ),
    ]

    @admin.display(description=_("logo"))
    def logo_preview(self, organization):
        if not organization.logo:
            return "–"
        return format_html(
            '<img src="{}" alt="" style="max-height:48px;max-width:96px">',
            organization.logo.url,
        )

    @admin.action(description=_("Publish the selected organisations"))
    def publish(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(description=_("Unpublish the selected organisations"))
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, False)

    def _set_published(self, request, queryset, published):
        count = 0
        for organization in queryset.exclude(is_published=published):
            organization.is_published = published
            organization.save(update_fields=["is_published", "updated"])
            count += 1
        message = (
            ngettext(
                "%(count)d organisation published.",
                "%(count)d organisations published.",
                count,
            )
            if published
            else ngettext(
                "%(count)d organisation unpublished.",
                "%(count)d organisations unpublished.",
                count,
            )
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(
                    partial(import_organizations_view, model_admin=self)
                ),
                name="members_organization_import",
            ),
            path(
                "import/template.csv",
                self.admin_site.admin_view(import_template_view),
                name="members_organization_import_template",
            ),
            *super().get_urls(),
        ]


@admin.register(Person)
class PersonAdmin(TabbedTranslationAdmin):
    list_display = [
        "full_name",
        "organization",
        "speaker_role",
        "is_management",
        "order",
    ]
    list_filter = ["is_management", "organization__kind"]
    list_select_related = ["organization"]
    search_fields = ["first_name", "last_name", "organization__name"]
    autocomplete_fields = ["organization"]


@admin.register(OrganizationChange)
class OrganizationChangeAdmin(admin.ModelAdmin):
    list_display = ["organization", "submitted_by", "submitted_at", "status"]
    list_filter = ["status"]
    list_select_related = ["organization", "submitted_by"]
    search_fields = ["organization__name"]
    actions = ["approve", "reject"]
    readonly_fields = [
        "organization",
        "submitted_by",
        "submitted_at",
        "status",
        "reviewed_by",
        "reviewed_at",
        "proposed_changes",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("proposed changes"))
    def proposed_changes(self, change):
        rows = format_html(
            "<tr><th>{}</th><th>{}</th><th>{}</th></tr>",
            _("field"),
            _("now"),
            _("proposed"),
        )
        for name, current, proposed in change.changed_fields():
            label = OrganizationChange._meta.get_field(name).verbose_name
            rows += format_html(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", label, current, proposed
            )
        return format_html("<table>{}</table>", rows)

    @admin.action(description=_("Approve the selected changes"))
    def approve(self, request, queryset):
        changes = queryset.filter(status=OrganizationChange.Status.PENDING)
        for change in changes.select_related("organization"):
            services.approve_change(change, request.user)
        self.message_user(request, _("The changes are now on the site."))

    @admin.action(description=_("Reject the selected changes"))
    def reject(self, request, queryset):
        for change in queryset.filter(status=OrganizationChange.Status.PENDING):
            services.reject_change(change, request.user)
        self.message_user(request, _("The changes were rejected."))


class MemberAccountInline(admin.StackedInline):
    model = MemberAccount
    can_delete = True
    autocomplete_fields = ["organization"]
    verbose_name_plural = _("member organisation")


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class MemberUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, MemberAccountInline]
    list_display = [*UserAdmin.list_display, "member_organization"]
    list_select_related = ["member_account__organization"]

    @admin.display(description=_("member organisation"))
    def member_organization(self, user):
        account = getattr(user, "member_account", None)
        return account.organization if account else "–"


@admin.register(MemberAccount)
class MemberAccountAdmin(admin.ModelAdmin):
    list_display = ["user", "organization"]
    list_select_related = ["user", "organization"]
    search_fields = ["user__username", "user__email", "organization__name"]
    autocomplete_fields = ["user", "organization"]


@admin.register(OpenDataSettings)
class OpenDataSettingsAdmin(admin.ModelAdmin):
    """One row of settings: editors change it, never add a second or delete it."""

    def has_add_permission(self, request):
        return not OpenDataSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
