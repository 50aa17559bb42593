"""Rebuild the whole index, safely while the site runs."""

from cms.models import Page
from django.db import connection
from django.utils import timezone

from . import indexing
from .models import SearchEntry


def querysets():
    """(model, queryset) of everything the index may hold."""
    for model, (_build, prefetch, related) in indexing.SOURCES.items():
        queryset = model.objects.order_by("pk")
        yield model, queryset.select_related(*related).prefetch_related(*prefetch)
    yield Page, Page.objects.order_by("pk")


def rebuild(progress=None, batch=200):
    """Rewrite every entry object by object, then drop entries of objects
    that are gone; searches keep working throughout. ``progress(done,
    total)`` is called after each batch."""
    started = timezone.now()
    sets = list(querysets())
    total = sum(queryset.count() for _model, queryset in sets)
    done = 0
    for model, queryset in sets:
        for instance in queryset.iterator(chunk_size=batch):
            if model is Page:
                indexing.index_page(instance)
            elif model is indexing.EventDocument:
                indexing.index_document_file(instance.pk)
            else:
                indexing.index_object(instance)
            done += 1
            if progress and (done % batch == 0 or done == total):
                progress(done, total)
    SearchEntry.objects.filter(updated__lt=started).delete()
    if connection.vendor == "postgresql":
        # Fresh statistics, or the planner may scan instead of using GIN.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry, search_searchword")
    return done
