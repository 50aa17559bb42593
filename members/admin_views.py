"""Admin pages around the organisations: the import of a CSV or Excel list.

OrganizationAdmin.get_urls() wires these views; they check the permissions
themselves because admin_view() only checks that the user is staff.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from .importing import (
    COLUMN_HELP,
    COLUMNS,
    ImportFileError,
    import_organizations,
    template_csv,
)
from .models import Sector

IMPORT_PERMISSIONS = ("members.add_organization", "members.change_organization")


class OrganizationImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV or Excel file"),
        help_text=gettext_lazy(
            "A .csv file (UTF-8, separated by semicolons or commas) or an .xlsx "
            "file; the first row holds the column headings."
        ),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Dry run: only check the file, change nothing"),
        label_suffix="",
        required=False,
        initial=True,
    )


def _check_permissions(request):
    if not request.user.has_perms(IMPORT_PERMISSIONS):
        raise PermissionDenied


def import_organizations_view(request, model_admin):
    """Upload form for a list of organisations, and the report of what the
    import did or, in a dry run, would do."""
    _check_permissions(request)
    report = None
    if request.method == "POST":
        form = OrganizationImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                report = import_organizations(
                    form.cleaned_data["file"], dry_run=form.cleaned_data["dry_run"]
                )
            except ImportFileError as error:
                form.add_error("file", error.message)
            else:
                if report.written:
                    messages.success(request, _import_message(report))
                    return redirect(
                        f"{model_admin.admin_site.name}:members_organization_changelist"
                    )
    else:
        form = OrganizationImportUploadForm()
    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Import organisations"),
        "opts": opts,
        "app_label": opts.app_label,
        "form": form,
        "report": report,
        "columns": [(column, COLUMN_HELP.get(column.field, "")) for column in COLUMNS],
        "sectors": Sector.objects.all(),
    }
    return TemplateResponse(request, "admin/members/organization/import.html", context)


def _import_message(report):
    message = _("Import finished: %(created)s created, %(updated)s updated.") % {
        "created": len(report.created),
        "updated": len(report.updated),
    }
    if report.unpublished:
        message += " " + ngettext(
            "%(count)s new organisation is not published yet: check and publish it.",
            "%(count)s new organisations are not published yet: check and publish "
            "them.",
            len(report.unpublished),
        ) % {"count": len(report.unpublished)}
    return message


def import_template_view(request, model_admin=None):
    """An empty CSV file with the headings the import understands, in the
    admin's language."""
    _check_permissions(request)
    response = HttpResponse(
        template_csv(get_language()), content_type="text/csv; charset=utf-8"
    )
    filename = _("organisations-template") + ".csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
