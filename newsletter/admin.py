import csv

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from cluster_portal import background

from . import services, tasks
from .forms import PreviewForm
from .models import Article, Delivery, Issue, NewsItem, Subscriber


class ArticleInline(TranslationStackedInline):
    model = Article
    extra = 0
    fields = ("order", "title", "body")


@admin.register(Issue)
class IssueAdmin(TabbedTranslationAdmin):
    list_display = (
        "number",
        "theme",
        "year",
        "quarter",
        "published_on",
        "is_published",
        "send_link",
    )
    list_display_links = ("number", "theme")
    list_filter = ("is_published", "year")
    search_fields = ("theme_de", "theme_en", "=number")
    fieldsets = (
        (None, {"fields": ("number", "year", "quarter", "theme", "editorial")}),
        (_("Files"), {"fields": ("cover", "pdf")}),
        (_("Publication"), {"fields": ("published_on", "is_published")}),
    )
    inlines = (ArticleInline,)
    actions = ("send_selected",)
    change_form_template = "newsletter/admin/issue_change_form.html"

    def get_urls(self):
        return [
            path(
                "<int:object_id>/send/",
                self.admin_site.admin_view(self.send_view),
                name="newsletter_issue_send",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("Sending"))
    def send_link(self, issue):
        url = reverse("admin:newsletter_issue_send", args=[issue.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Send…"))

    @admin.action(description=_("Send the selected issue to subscribers"))
    def send_selected(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request, gettext("Select exactly one issue to send."), messages.WARNING
            )
            return None
        return redirect("admin:newsletter_issue_send", queryset.get().pk)

    def send_view(self, request, object_id):
        """Preview an issue to one address, then send it batch by batch,
        showing how far it got."""
        if not request.user.has_perm("newsletter.send_issue"):
            raise PermissionDenied
        issue = get_object_or_404(Issue, pk=object_id)
        here = reverse("admin:newsletter_issue_send", args=[issue.pk])
        preview_form = PreviewForm(
            initial={"email": request.user.email, "language": "de"}
        )
        if request.method == "POST":
            action = request.POST.get("action")
            if action == "preview":
                preview_form = PreviewForm(request.POST)
                if preview_form.is_valid():
                    services.send_preview(issue, **preview_form.cleaned_data)
                    self.message_user(
                        request,
                        gettext("A preview went to %(email)s.")
                        % preview_form.cleaned_data,
                        messages.SUCCESS,
                    )
                    return redirect(here)
            elif action == "send":
                return self._start_sending(request, issue, here)
            elif action == "retry-failed":
                count = services.retry_deliveries(issue, [Delivery.Status.FAILED])
                self.message_user(
                    request,
                    gettext("%(count)d failed deliveries will be tried again.")
                    % {"count": count},
                )
                return redirect(here)
        progress = services.send_progress(issue)
        runs = list(background.results(tasks.send_issue, issue.pk)[:10])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Send CKnews %(number)s") % {"number": issue.number},
            "issue": issue,
            "progress": progress,
            "runs": runs,
            "is_sending": any(run.status in background.PENDING for run in runs),
            "preview_form": preview_form,
        }
        return TemplateResponse(request, "newsletter/admin/issue_send.html", context)

    def _start_sending(self, request, issue, here):
        try:
            queued = tasks.start_sending(issue)
        except services.IssueNotPublished:
            self.message_user(
                request,
                gettext("Publish the issue before sending it."),
                messages.ERROR,
            )
            return redirect(here)
        if queued is None:
            message = gettext("This issue is already being sent.")
        else:
            message = gettext(
                "Sending has started in the background. You can close this page: "
                "the worker goes on, and nobody gets the issue twice."
            )
        self.message_user(request, message, messages.SUCCESS)
        return redirect(here)


@admin.register(NewsItem)
class NewsItemAdmin(TabbedTranslationAdmin):
    list_display = ("title", "date", "is_published", "publish_from", "publish_until")
    list_filter = ("is_published", "date")
    search_fields = ("title_de", "title_en", "teaser_de", "teaser_en")
    date_hierarchy = "date"
    list_select_related = ("issue",)
    autocomplete_fields = ("issue",)
    fieldsets = (
        (None, {"fields": ("title", "date", "teaser", "body")}),
        (_("Image"), {"fields": ("image", "image_alt")}),
        (_("Links"), {"fields": ("issue",)}),
        (
            _("Publication"),
            {"fields": ("is_published", "publish_from", "publish_until")},
        ),
    )


class CSVBuffer:
    """A file-like object that hands back what is written to it."""

    def write(self, value):
        return value


def csv_safe(value):
    """Keep spreadsheet programs from running a cell as a formula."""
    value = "" if value is None else str(value)
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """Subscribers are only ever created by their own double opt-in, and their
    proof of consent is never edited; deleting one removes the address and
    leaves their deliveries as anonymous counts."""

    list_display = (
        "email",
        "language",
        "status",
        "subscribed_at",
        "confirmed_at",
        "unsubscribed_at",
    )
    list_filter = ("status", "language")
    search_fields = ("email",)
    date_hierarchy = "subscribed_at"
    actions = ("export_csv",)
    readonly_fields = (
        "email",
        "language",
        "status",
        "subscribed_at",
        "confirmed_at",
        "unsubscribed_at",
        "consent_version",
        "consent_language",
    )

    CSV_FIELDS = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Shown read-only: the record of a consent is never edited.
        return False

    @admin.action(description=_("Export selected subscribers as CSV"))
    def export_csv(self, request, queryset):
        writer = csv.writer(CSVBuffer())
        headers = [
            str(Subscriber._meta.get_field(name).verbose_name)
            for name in self.CSV_FIELDS
        ]
        rows = (
            [csv_safe(getattr(subscriber, name)) for name in self.CSV_FIELDS]
            for subscriber in queryset.order_by("pk").iterator()
        )
        response = StreamingHttpResponse(
            _csv_lines(writer, headers, rows), content_type="text/csv; charset=utf-8"
        )
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        response["Content-Disposition"] = (
            f'attachment; filename="cknews-subscribers-{stamp}.csv"'
        )
        return response


def _csv_lines(writer, headers, rows):
    yield "\ufeff"  # a BOM, so spreadsheet programs read UTF-8
    yield writer.writerow(headers)
    for row in rows:
        yield writer.writerow(row)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Read-only record of who got which issue, to look into failures."""

    list_display = ("issue", "subscriber", "status", "attempted_at", "sent_at")
    list_filter = ("status", "issue")
    list_select_related = ("issue", "subscriber")
    search_fields = ("subscriber__email",)
    readonly_fields = (
        "issue",
        "subscriber",
        "status",
        "attempted_at",
        "sent_at",
        "error",
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
