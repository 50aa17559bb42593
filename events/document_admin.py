"""The CKreihe in the admin: documents with their download counts, an
upload of several files at once for one event, and the download log."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from cluster_portal.storage import DISK_FULL_MESSAGE, is_disk_full

from . import document_services
from .document_forms import BulkUploadForm
from .document_models import DocumentDownload, EventDocument


class DiskFullFormMixin:
    """The document form once storing its file failed for a full disk."""

    def clean(self):
        cleaned_data = super().clean()
        self.add_error("file", DISK_FULL_MESSAGE)
        return cleaned_data


@admin.register(EventDocument)
class EventDocumentAdmin(TabbedTranslationAdmin):
    list_display = [
        "number",
        "title",
        "event",
        "kind",
        "visibility",
        "publication_date",
        "download_count",
    ]
    list_display_links = ["number", "title"]
    list_filter = ["visibility", "kind", "language"]
    search_fields = ["title_de", "title_en", "=number", "event__title_de"]
    autocomplete_fields = ["event"]
    date_hierarchy = "publication_date"
    readonly_fields = ["original_name", "size", "content_type"]
    fields = [
        "number",
        "title",
        "description",
        "event",
        "kind",
        "language",
        "publication_date",
        "visibility",
        "file",
        "original_name",
        "size",
        "content_type",
        "is_sample",
    ]
    change_list_template = "admin/events/eventdocument/change_list.html"

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("event").with_download_counts()
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except OSError as error:
            if not is_disk_full(error):
                raise
        # Nothing was saved (the view's transaction rolled back, the storage
        # kept no partial file); the form comes back with what was entered.
        request.disk_full = True
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if getattr(request, "disk_full", False):
            return type(form.__name__, (DiskFullFormMixin, form), {})
        return form

    @admin.display(description=_("downloads"), ordering="download_count")
    def download_count(self, document):
        return document.download_count

    def get_urls(self):
        upload = self.admin_site.admin_view(self.upload_view)
        return [
            path("upload/", upload, name="events_eventdocument_upload"),
            *super().get_urls(),
        ]

    def upload_view(self, request):
        """Several files at once, each becoming a document of one event."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = BulkUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                documents = document_services.create_documents(
                    data["files"],
                    event=data["event"],
                    kind=data["kind"],
                    language=data["language"],
                    visibility=data["visibility"],
                    publication_date=data["publication_date"],
                )
            except OSError as error:
                if not is_disk_full(error):
                    raise
                form.add_error("files", DISK_FULL_MESSAGE)
                return self.render_upload_form(request, form)
            self.message_user(
                request,
                ngettext(
                    "%(count)d document was added to the CKreihe.",
                    "%(count)d documents were added to the CKreihe.",
                    len(documents),
                )
                % {"count": len(documents)},
                messages.SUCCESS,
            )
            return redirect(reverse("admin:events_eventdocument_changelist"))
        return self.render_upload_form(request, form)

    def render_upload_form(self, request, form):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": _("Upload several documents"),
        }
        return TemplateResponse(
            request, "admin/events/eventdocument/upload.html", context
        )


@admin.register(DocumentDownload)
class DocumentDownloadAdmin(admin.ModelAdmin):
    """The download log: read only. Anonymous downloads have no user."""

    list_display = ["downloaded_at", "document", "user"]
    list_filter = ["document__visibility"]
    list_select_related = ["document", "user"]
    search_fields = ["=document__number", "user__username"]
    date_hierarchy = "downloaded_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
