"""Running a search and counting what visitors searched for."""

import datetime
import sys
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import Sum
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
    _run(backend, outcome, language, kind, page_number)
    return outcome


def _run(backend, outcome, language, kind, page_number):
    number = page_of(page_number)
    offset = (number - 1) * PER_PAGE
    entries = backend.entries(outcome.words, language)
    counts, shown = backend.counts_and_page(entries, kind, offset, PER_PAGE)
    if not counts:
        suggestion = backend.suggestion(outcome.words, language)
        if suggestion:
            corrected = terms(suggestion)
            entries = backend.entries(corrected, language)
            counts, shown = backend.counts_and_page(entries, kind, offset, PER_PAGE)
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
    paginator = Paginator(shown, PER_PAGE, allow_empty_first_page=True)
    paginator.count = counts.get(kind, 0) if kind else outcome.total
    outcome.page = Page(shown, paginator.validate_number(number), paginator)
    public = [entry for entry in shown if not entry.is_restricted]
    snippets = backend.snippets(public, outcome.words, language)
    for entry in shown:
        entry.snippet = highlighted(snippets.get(entry.pk) or "")


def page_of(page_number):
    """The page number as an int, refused as the paginator would before the
    search runs: the page is fetched with the counts."""
    try:
        number = int(page_number)
    except (TypeError, ValueError):
        raise PageNotAnInteger(page_number) from None
    # Beyond the database's integers there is no page in any case.
    if not 1 <= number <= sys.maxsize // PER_PAGE:
        raise EmptyPage(page_number)
    return number


def record_search(query, language, found):
    """Count one search of the query today, and whether it found nothing."""
    text = " ".join(terms(query))[:100]
    if not text:
        return
    # One statement: two processes counting the same query at once cannot
    # lose a count, and a search costs one round trip for its statistics.
    # PostgreSQL and SQLite both know ON CONFLICT.
    with connection.cursor() as cursor:
        cursor.execute(
            f'INSERT INTO "{SearchQueryLog._meta.db_table}" AS log '
            '("day", "language", "query", "count", "zero_results") '
            "VALUES (%s, %s, %s, 1, %s) "
            'ON CONFLICT ("day", "language", "query") DO UPDATE SET '
            '"count" = log."count" + 1, '
            '"zero_results" = log."zero_results" + EXCLUDED."zero_results"',
            [timezone.localdate(), language, text, 0 if found else 1],
        )


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
