"""The answer when the database is down: a plain 503 page in the visitor's
language, rendered without the database (no CMS, no context processors)."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.views.defaults import server_error

RETRY_AFTER_SECONDS = 60
UNREACHABLE_DATABASE = (OperationalError, InterfaceError)


def visitor_language(request):
    prefix = request.path_info.lstrip("/").split("/", 1)[0]
    return prefix if prefix in settings.LANGUAGE_CODES else settings.LANGUAGE_CODE


def database_unavailable(request):
    language = visitor_language(request)
    with translation.override(language):
        html = loader.get_template("503.html").render({"language": language})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def handle_server_error(request):
    """handler500: Django calls it while handling the exception, so the
    exception is at hand; a database that cannot be reached gets the 503
    page, anything else the usual 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, UNREACHABLE_DATABASE):
        return database_unavailable(request)
    return server_error(request)
