"""The search engines behind one small interface: PostgreSQL full-text
search in production, SQLite's FTS5 for ``make run``.

A backend turns the words of a query into a filtered, ranked queryset of
``SearchEntry`` rows, highlights snippets for the few rows shown and
proposes a spelling for words the index does not know.
"""

import difflib

import snowballstemmer
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramSimilarity,
)
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from .models import SearchEntry, SearchWord
from .text import MARK_END, MARK_START, normalized, variants

SNIPPET_WORDS = 30
# Shorter words match whole words only, so "1" or "or" find no "1990" or "Ort".
PREFIX_FROM = 4
# The order of SearchBackend.entries, in SQL over its columns.
ORDER = "exact DESC, rank DESC, date DESC NULLS LAST, id"


def prefix(spelling, operator):
    """A word of the query, matching longer words too unless it is short."""
    plain = spelling.strip('"')
    return spelling + operator if len(plain) >= PREFIX_FROM else spelling


class SearchBackend:
    def entries(self, words, language, now=None):
        """Visible entries in the language that match every word, best first."""
        now = now or timezone.now()
        visible = SearchEntry.objects.filter(
            Q(visible_from__isnull=True) | Q(visible_from__lte=now),
            Q(visible_until__isnull=True) | Q(visible_until__gt=now),
            language=language,
        )
        exact = Case(
            When(keys__contains=f"|{normalized(' '.join(words))}|", then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return (
            self.matching(visible, words, language)
            .annotate(exact=exact)
            .order_by("-exact", "-rank", F("date").desc(nulls_last=True), "pk")
        )

    def matching(self, entries, words, language):
        raise NotImplementedError

    def counts_and_page(self, entries, kind, offset, limit):
        """The number of entries of each kind, and the entries of one page of
        the kind (of all kinds when it is empty), best first."""
        counts = self.kind_counts(entries)
        if kind:
            entries = entries.filter(kind=kind)
        return counts, list(entries[offset : offset + limit])

    def kind_counts(self, entries):
        return dict(entries.order_by().values_list("kind").annotate(n=Count("pk")))

    def snippets(self, entries, words, language):
        """{entry pk: snippet with MARK_START/MARK_END around matches}."""
        raise NotImplementedError

    def suggestion(self, words, language):
        """The query with unknown words replaced by known ones, or None."""
        known = set(
            SearchWord.objects.filter(language=language, word__in=words).values_list(
                "word", flat=True
            )
        )
        # A number (a year, a postcode, a document's) is not misspelt: the
        # nearest known one is another number.
        corrected = [
            word
            if word in known or any(char.isdigit() for char in word)
            else self.closest(word, language)
            for word in words
        ]
        if None in corrected or corrected == words:
            return None
        return " ".join(corrected)

    def closest(self, word, language):
        raise NotImplementedError


class PostgresBackend(SearchBackend):
    """tsvector with weights (title A, text B), kept by a trigger; the
    portal_german/portal_english configurations unaccent before stemming."""

    def config(self, language):
        return "portal_english" if language == "en" else "portal_german"

    def query(self, words, language):
        # Words are letters and digits only (see text.terms), so the raw
        # tsquery cannot contain operators a visitor typed.
        raw = " & ".join(
            "("
            + " | ".join(prefix(spelling, ":*") for spelling in variants(word))
            + ")"
            for word in words
        )
        return SearchQuery(raw, config=self.config(language), search_type="raw")

    def matching(self, entries, words, language):
        query = self.query(words, language)
        return entries.filter(vector=query).annotate(
            rank=SearchRank(F("vector"), query)
        )

    def counts_and_page(self, entries, kind, offset, limit):
        # A common word matches most of the index, and matching and ranking
        # each entry is what a search costs: the counts and the page come
        # from one pass over the matches instead of two. The counts' row
        # comes back even when the page is empty, its entry's fields NULL.
        matches = entries.order_by().values("id", "kind", "exact", "rank", "date")
        sql, params = matches.query.sql_with_params()
        rows = list(
            SearchEntry.objects.raw(
                f"WITH matches AS MATERIALIZED ({sql}) "
                "SELECT entry.*, page.exact, page.rank, counts.kind_counts FROM ("
                "  SELECT json_object_agg(kind, n) AS kind_counts FROM ("
                "    SELECT kind, COUNT(*) AS n FROM matches GROUP BY kind"
                "  ) AS per_kind"
                ") AS counts LEFT JOIN ("
                "  SELECT * FROM matches WHERE %s IN ('', kind)"
                f"  ORDER BY {ORDER} LIMIT %s OFFSET %s"
                ") AS page ON TRUE "
                "LEFT JOIN search_searchentry AS entry ON entry.id = page.id "
                f"ORDER BY {ORDER}",
                [*params, kind, limit, offset],
            )
        )
        return rows[0].kind_counts or {}, [row for row in rows if row.pk is not None]

    def snippets(self, entries, words, language):
        if not entries:
            return {}
        query = self.query(words, language)
        rows = (
            SearchEntry.objects.filter(pk__in=[entry.pk for entry in entries])
            .annotate(
                snippet=SearchHeadline(
                    "body",
                    query,
                    config=self.config(language),
                    start_sel=MARK_START,
                    stop_sel=MARK_END,
                    max_words=SNIPPET_WORDS,
                    min_words=12,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                )
            )
            .values_list("pk", "snippet")
        )
        return dict(rows)

    def closest(self, word, language):
        match = (
            SearchWord.objects.filter(language=language, word__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("word", word))
            .order_by("-similarity", "word")
            .values_list("word", flat=True)
            .first()
        )
        return match


class SqliteBackend(SearchBackend):
    """FTS5 with diacritics removed; words are stemmed in Python and matched
    as prefixes, which is what makes "Kunststoffe" find "Kunststoff"."""

    STEMMERS = {"de": "german", "en": "english"}

    def match(self, words, language):
        stemmer = snowballstemmer.stemmer(self.STEMMERS.get(language, "german"))
        groups = []
        for word in words:
            # The stem matches inflected forms as a prefix; the word itself
            # covers stems that are no prefix ("laboratory" → "laboratori").
            spellings = set(variants(word)) | set(stemmer.stemWords(variants(word)))
            quoted = sorted(prefix(f'"{spelling}"', "*") for spelling in spellings)
            groups.append("(" + " OR ".join(quoted) + ")")
        return " AND ".join(groups)

    def matching(self, entries, words, language):
        match = self.match(words, language)
        return entries.filter(
            pk__in=RawSQL(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [match]
            )
        ).annotate(
            # bm25 is lower for better matches; title and names weigh ten times.
            rank=RawSQL(
                "SELECT -bm25(search_fts, 10.0, 10.0, 1.0) FROM search_fts "
                "WHERE search_fts MATCH %s AND rowid = search_searchentry.id",
                [match],
            )
        )

    def snippets(self, entries, words, language):
        if not entries:
            return {}
        pks = [entry.pk for entry in entries]
        placeholders = ", ".join("%s" for _pk in pks)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, snippet(search_fts, 2, %s, %s, ' … ', %s) FROM "
                f"search_fts WHERE search_fts MATCH %s AND rowid IN ({placeholders})",
                [
                    MARK_START,
                    MARK_END,
                    SNIPPET_WORDS,
                    self.match(words, language),
                    *pks,
                ],
            )
            return dict(cursor.fetchall())

    def closest(self, word, language):
        candidates = SearchWord.objects.filter(
            language=language, word__startswith=word[:1]
        ).values_list("word", flat=True)
        matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
        return matches[0] if matches else None


def get_backend():
    if connection.vendor == "postgresql":
        return PostgresBackend()
    return SqliteBackend()
