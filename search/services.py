"""Running a search and counting what visitors searched for."""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Sum
from django.utils import timezone

from .backends import get_backend
from .models import Kind, SearchQueryLog
from .text import highlighted, terms

PER_PAGE = 10
STATISTICS_DAYS = 90


@dataclass
class Facet:
    kind: str
    label: str
    count: int


@dataclass
class SearchOutcome:
    words: list
    page: Page | None = None
    facets: list = field(default_factory=list)
    total: int = 0
    # Set when nothing matched the query but the corrected spelling does.
    corrected: str = ""
    suggestion: str = ""


def search(query, language, kind="", page_number=1):
    """The results of a query in one language; raises ``EmptyPage`` or
    ``PageNotAnInteger`` for a page that does not exist."""
    backend = get_backend()
    outcome = SearchOutcome(words=terms(query))
    if not outcome.words:
        return outcome
    with backend.session():
        _run(backend, outcome, language, kind, page_number)
    return outcome


def _run(backend, outcome, language, kind, page_number):
    entries = backend.entries(outcome.words, language)
    counts = dict(entries.order_by().values_list("kind").annotate(n=Count("pk")))
    if not counts:
        suggestion = backend.suggestion(outcome.words, language)
        if suggestion:
            corrected = terms(suggestion)
            entries = backend.entries(corrected, language)
            counts = dict(
                entries.order_by().values_list("kind").annotate(n=Count("pk"))
            )
            if counts:
                outcome.words, outcome.corrected = corrected, suggestion
            else:
                outcome.suggestion = suggestion
    outcome.facets = [
        Facet(value, label, counts[value])
        for value, label in Kind.choices
        if value in counts
    ]
    outcome.total = sum(counts.values())
    if kind:
        entries = entries.filter(kind=kind)
    paginator = Paginator(entries, PER_PAGE, allow_empty_first_page=True)
    # The facet counts already hold the total: no second COUNT query.
    paginator.count = counts.get(kind, 0) if kind else outcome.total
    outcome.page = paginator.page(page_number)
    shown = [entry for entry in outcome.page.object_list if not entry.is_restricted]
    snippets = backend.snippets(shown, outcome.words, language)
    for entry in outcome.page.object_list:
        entry.snippet = highlighted(snippets.get(entry.pk) or "")


def record_search(query, language, found):
    """Count one search of the query today, and whether it found nothing."""
    text = " ".join(terms(query))[:100]
    if not text:
        return
    key = {"day": timezone.localdate(), "language": language, "query": text}
    increments = {"count": F("count") + 1}
    if not found:
        increments["zero_results"] = F("zero_results") + 1
    if SearchQueryLog.objects.filter(**key).update(**increments):
        return
    try:
        with transaction.atomic():
            SearchQueryLog.objects.create(
                **key, count=1, zero_results=0 if found else 1
            )
    except IntegrityError:  # another request created the row meanwhile
        SearchQueryLog.objects.filter(**key).update(**increments)


def statistics(limit=50, days=STATISTICS_DAYS):
    """(top searches, searches without results) of the last ``days`` days,
    each a list of (query, count)."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    recent = SearchQueryLog.objects.filter(day__gt=since).values("query")
    top = recent.annotate(total=Sum("count")).order_by("-total", "query")[:limit]
    missed = (
        recent.annotate(total=Sum("zero_results"))
        .filter(total__gt=0)
        .order_by("-total", "query")[:limit]
    )
    return (
        [(row["query"], row["total"]) for row in top],
        [(row["query"], row["total"]) for row in missed],
    )
