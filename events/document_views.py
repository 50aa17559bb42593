"""The CKreihe pages and the only way to its files: the download view."""

import logging

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from cluster_portal import cache as portal_cache
from cluster_portal import regions

from . import downloads
from .document_access import can_download, may_download_members_only
from .document_forms import DocumentFilterForm
from .document_models import EventDocument
from .document_services import log_download

logger = logging.getLogger(__name__)

PAGE_SIZE = 25
# The CKreihe's list, a region of its page (cluster_portal/regions.py).
DOCUMENTS_TEMPLATE = "events/includes/documents.html"


def document_years():
    """The years with documents, read once per content version."""
    return portal_cache.kept("ckreihe:years", EventDocument.objects.years)


def documents_context(request):
    """What the CKreihe list shows for the query string, and whether its
    filters are valid; Http404 for a page out of range."""
    form = DocumentFilterForm(request.GET or None, years=document_years())
    if request.GET and not form.is_valid():
        return {"form": form, "invalid_filters": True}, False
    documents = EventDocument.objects.filtered(**form.filters()).for_series()
    paginator = Paginator(documents, PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(str(error)) from error
    context = {
        "form": form,
        "page_obj": page,
        "documents": page.object_list,
        "is_filtered": any(form.filters().values()),
        "may_download_members": may_download_members_only(request.user),
    }
    return context, True


@require_safe
def document_list(request):
    """The series, newest first, grouped by year and event, with filters."""
    context, valid = documents_context(request)
    status = 200 if valid else 404
    return render(request, "events/document_list.html", context, status=status)


# The CKreihe's list alone, for a visitor's miss on its page.
render_documents = regions.template_renderer(DOCUMENTS_TEMPLATE, documents_context)


@require_safe
def document_detail(request, number):
    document = get_object_or_404(
        EventDocument.objects.select_related("event"), number=number
    )
    context = {
        "document": document,
        "translated_object": document,
        "may_download": can_download(request.user, document),
    }
    return render(request, "events/document_detail.html", context)


@require_safe
def document_download(request, number):
    """The file, if the visitor may have it.

    The document is looked up by its number and the file by the name stored
    on it; nothing from the URL ever becomes part of a file path.
    """
    document = get_object_or_404(EventDocument, number=number)
    if not can_download(request.user, document):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied(gettext("This document is for cluster members only."))
    if not document.file:
        raise Http404(gettext("This document has no file."))
    storage = document.file.storage
    try:
        handle = storage.open(document.file.name, "rb")
    except OSError:
        logger.warning(
            "CKreihe No. %s: file %s is missing.", document.number, document.file.name
        )
        raise Http404(gettext("The file of this document is missing.")) from None
    size = storage.size(document.file.name)
    response = downloads.sendfile_response(document, storage)
    if response is not None:
        handle.close()
    else:
        response = downloads.file_response(request, document, storage, handle, size)
    if response.status_code == 200 or response.get("Content-Range", "").startswith(
        "bytes 0-"
    ):
        # A viewer fetching a large file in pieces counts once.
        log_download(document, request.user)
    return downloads.finish_headers(response, document)
