"""What every search engine provides, and the SQL the two database engines share."""

# SQL here is assembled only from fixed fragments and %s placeholders; every value is bound.
# ruff: noqa: S608

import datetime
import difflib
import heapq
import math
import threading
from collections import deque
from dataclasses import dataclass, field
from itertools import groupby, repeat
from operator import itemgetter

from django.core.cache import cache
from django.db import connection

from search import text
from search.models import index_generation
from search.text import Highlighter, Term

SORTS = {
    "newest": "d.date DESC, d.page_id DESC",
    "oldest": "d.date ASC, d.page_id ASC",
    "title": "d.title ASC, d.page_id ASC",
    "most-reused": "d.reuse_count DESC, d.date DESC, d.page_id DESC",
    # Last checked (reviewed, or else published) first; see SearchDocument.checked_on.
    "recently-reviewed": "d.checked_on DESC, d.date DESC, d.page_id DESC",
    # When the thing happens (events: SearchDocument.starts_at), pages without a time last
    # on both engines (SQLite and PostgreSQL put NULLs at opposite ends by default).
    "starts-soonest": "(d.starts_at IS NULL), d.starts_at ASC, d.page_id ASC",
    "starts-latest": "(d.starts_at IS NULL), d.starts_at DESC, d.page_id DESC",
}
HIT_COLUMNS = (
    "d.page_id, d.title, d.url, d.content_type, d.content_type_label, d.date, "
    "d.organisations, d.tags, d.summary, d.reuse_count, d.checked_on, d.status_label"
)
HIT_COLUMN_COUNT = HIT_COLUMNS.count(",") + 1
VOCABULARY_SECONDS = 600
# Like Elasticsearch's max_result_window: deep paging past this is refused on every engine.
MAX_RESULT_WINDOW = 10_000
# Snippets look at the start of the body only, so a 200,000-character body costs no more.
SNIPPET_TEXT_LIMIT = 20_000


def last_page(total: int, page_size: int) -> int:
    return max(1, math.ceil(min(total, MAX_RESULT_WINDOW) / page_size))


@dataclass
class EngineResult:
    total: int
    counts: list  # (facet, value, label, count)
    page: int  # the page actually returned (asked-for pages past the end give the last)
    rows: list


# Per process, for the index generation they were read at: for each facet value, the set of
# pages that have it as a bitset (a Python int, bit n = page id n), and its (facet, value,
# label). Counting a match set is then one AND and one bit_count per value: about a
# millisecond for 10,000 matches, where GROUP BY in either database takes tens. Facet filters
# are applied the same way (OR of the chosen values' masks, AND across facets), so the
# engine is asked for the text match only, once.
_facet_maps: dict[str, tuple[int, "FacetIndex"]] = {}
# Up to this many matches, facets are counted from the matched pages' values
# (FacetIndex.count_pages), not by one AND per facet value: at 10,000 pages that was faster
# below about 250 matches without filters and 50 with two (the bitsets grow with the
# highest page id, so at 100,000 pages the page-wise count wins further up).
SMALL_MATCH_SET = 100
# Per process and generation: for a non-relevance sort, each page's position in that order,
# read from the database once (so collation and tie-breaks are the database's own).
_sort_positions: dict[str, tuple[int, dict[str, dict[int, int]]]] = {}
_facet_lock = threading.Lock()


def bitset(ids) -> int:
    """The ids as one int, bit n set for id n."""
    ids = ids if isinstance(ids, list) else list(ids)
    if not ids:
        return 0
    highest = max(ids)
    if highest < 8 * len(ids):
        # Dense (a common word: 9,952 of 10,056 pages): a "0"/"1" string that int() parses
        # in C, one byte set per id through map, no Python bytecode per id: 0.81 against
        # 1.08 ms for 10,000 ids. Its cost grows with the highest id, so not for sparse sets
        # (200 ids up to 100,000: 0.30 against 0.03 ms).
        digits = bytearray(b"0") * (highest + 1)
        deque(map(digits.__setitem__, ids, repeat(ord("1"))), maxlen=0)
        digits.reverse()  # int() reads the most significant digit first
        return int(digits, 2)
    buffer = bytearray(highest // 8 + 1)
    bits = [1 << n for n in range(8)]
    for page_id in ids:
        buffer[page_id >> 3] |= bits[page_id & 7]
    return int.from_bytes(buffer, "little")


def bitset_member(bits: int):
    """A fast membership test for a bitset (indexing bytes, not shifting a big int per id)."""
    buffer = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    size = len(buffer)

    def contains(page_id: int) -> bool:
        index = page_id >> 3
        return index < size and bool(buffer[index] >> (page_id & 7) & 1)

    return contains


@dataclass
class FacetIndex:
    masks: dict[int, int]  # value id -> bitset of pages
    labels: dict[int, tuple[str, str, str]]  # value id -> (facet, value, label)
    by_key: dict[tuple[str, str], int]  # (facet, value) -> value id
    everything: int  # bitset of every indexed page
    page_values: dict[int, list[int]] = field(default_factory=dict)  # page id -> value ids
    # (facet, value, label, mask) of every labelled value: what count() walks.
    labelled_masks: list[tuple[str, str, str, int]] = field(init=False)

    def __post_init__(self):
        self.labelled_masks = [
            (*self.labels[value_id], mask)
            for value_id, mask in self.masks.items()
            if value_id in self.labels
        ]

    def filter_masks(self, filters) -> dict[str, int]:
        """One bitset per filtered facet: the pages with any of its chosen values."""
        chosen: dict[str, int] = {}
        for facet, values in filters:
            mask = 0
            for value in values:
                value_id = self.by_key.get((facet, value))
                if value_id is not None:
                    mask |= self.masks.get(value_id, 0)
            chosen[facet] = chosen[facet] & mask if facet in chosen else mask
        return chosen

    def count(self, matched: int, filters) -> tuple[int, int, list[tuple[str, str, str, int]]]:
        """Apply the filters to a text match set and count facets disjunctively.

        Returns (filtered bitset, total, counts). OR within a facet, AND across facets; the
        counts for a facet with chosen values are over the match set filtered by every other
        facet but not itself, so a reader sees what adding a second value would bring.
        """
        chosen = self.filter_masks(filters)
        filtered = matched
        for mask in chosen.values():
            filtered &= mask
        bases = {}
        for facet in chosen:
            base = matched
            for other, mask in chosen.items():
                if other != facet:
                    base &= mask
            bases[facet] = base
        counts = [
            (facet, value, label, count)
            for facet, value, label, mask in self.labelled_masks
            if (count := (mask & bases.get(facet, filtered)).bit_count())
        ]
        return filtered, filtered.bit_count(), counts

    def count_pages(self, ids, filters) -> tuple[list[int], list[tuple[str, str, str, int]]]:
        """count() for a small match set, from each matched page's values: (filtered ids,
        counts). count() does one AND per facet value (~500 at 10,000 pages), each as long as
        the highest page id, however few pages matched; a few dozen pages' values are fewer."""
        chosen: dict[str, list[set[int]]] = {}
        for facet, values in filters:
            wanted = {self.by_key.get((facet, value)) for value in values} - {None}
            chosen.setdefault(facet, []).append(wanted)
        filtered, counts = [], {}
        for page_id in ids:
            values = self.page_values.get(page_id, ())
            # The chosen facets this page fails; its values count for a facet only if it
            # passes every other one (disjunctive counts, as in count()).
            failing = [
                facet
                for facet, groups in chosen.items()
                if any(group.isdisjoint(values) for group in groups)
            ]
            if not failing:
                filtered.append(page_id)
            elif len(failing) > 1:
                continue
            for value_id in values:
                label = self.labels.get(value_id)
                if label is not None and (not failing or failing[0] == label[0]):
                    counts[value_id] = counts.get(value_id, 0) + 1
        return filtered, [(*self.labels[value_id], n) for value_id, n in counts.items()]


def _cache_key() -> str:
    return f"{connection.alias}:{connection.settings_dict.get('NAME')}"


def facet_index() -> FacetIndex:

    key = _cache_key()
    generation = index_generation()
    cached = _facet_maps.get(key)
    if cached and cached[0] == generation:
        return cached[1]
    with _facet_lock, connection.cursor() as cursor:
        cursor.execute(
            "SELECT value_id, page_id FROM search_searchdocumentfacet ORDER BY value_id, page_id"
        )
        masks, page_values = {}, {}
        for value_id, group in groupby(cursor.fetchall(), key=itemgetter(0)):
            pages = [page_id for _value, page_id in group]
            masks[value_id] = bitset(pages)
            for page_id in pages:
                page_values.setdefault(page_id, []).append(value_id)
        cursor.execute("SELECT id, facet, value, label FROM search_searchfacetvalue")
        labels = {row[0]: (row[1], row[2], row[3]) for row in cursor.fetchall()}
        cursor.execute("SELECT page_id FROM search_searchdocument")
        everything = bitset(row[0] for row in cursor.fetchall())
        index = FacetIndex(
            masks=masks,
            labels=labels,
            by_key={(facet, value): value_id for value_id, (facet, value, _l) in labels.items()},
            everything=everything,
            page_values=page_values,
        )
        _facet_maps[key] = (generation, index)
    return index


def sort_positions(sort: str) -> dict[int, int]:
    """Each indexed page's position in a non-relevance sort order (see _sort_positions)."""

    key = _cache_key()
    generation = index_generation()
    cached = _sort_positions.get(key)
    if not cached or cached[0] != generation:
        cached = (generation, {})
        _sort_positions[key] = cached
    positions = cached[1].get(sort)
    if positions is None:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT d.page_id FROM search_searchdocument d ORDER BY {SORTS[sort]}")
            positions = {row[0]: rank for rank, row in enumerate(cursor.fetchall())}
        cached[1][sort] = positions
    return positions


class SearchEngineUnavailable(RuntimeError):
    """The search engine could not answer (down, timed out, or not answering as one).

    Only an engine outside the database raises it; the database's own engines fail with the
    database. Its text is for logs (method and path, never the host), not for readers.
    """


@dataclass(frozen=True)
class EngineQuery:
    """A cleaned request: terms (already safe), facet filters, and how terms combine."""

    terms: tuple[Term, ...] = ()
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (facet, values): OR within, AND across
    any_term: bool = False

    @property
    def has_text(self) -> bool:
        return bool(self.terms)


@dataclass
class HitRow:
    page_id: int
    title: str
    url: str
    content_type: str
    content_type_label: str
    date: datetime.date | None
    organisations: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    summary: str = ""
    reuse_count: int = 0
    checked_on: datetime.date | None = None
    status_label: str = ""
    summary_marked: str = ""  # summary with engine markers around matches, if any
    body_snippet: str = ""  # a fragment of the body with markers, if the body matched
    title_marked: str = ""


class SearchBackend:
    name = "base"

    def facet_counts(self, query: EngineQuery) -> tuple[int, list[tuple[str, str, str, int]]]:
        """The number of matches and (facet, value, label, count) over the whole match set."""
        raise NotImplementedError

    def hits(self, query: EngineQuery, *, sort: str, offset: int, limit: int) -> list[HitRow]:
        raise NotImplementedError

    def search(
        self, query: EngineQuery, *, sort: str, page: int, page_size: int, counts=None
    ) -> EngineResult:
        """Total, facet counts and one page of hits; `counts` may come from a cache."""
        total, facet_rows = counts if counts is not None else self.facet_counts(query)
        page = min(page, last_page(total, page_size))
        rows = []
        if total:
            rows = self.hits(query, sort=sort, offset=(page - 1) * page_size, limit=page_size)
        return EngineResult(total, facet_rows, page, rows)

    def suggest_titles(self, words: list[str], *, limit: int) -> list[dict]:
        raise NotImplementedError

    def vocabulary_words(self) -> list[str]:
        raise NotImplementedError

    def after_write(self, page_ids: list[int]) -> None:
        """Called after these pages changed in the database index (no-op for database engines)."""

    def rebuild(self, *, stdout=None) -> None:
        """Called after a full rebuild of the database index."""

    # Shared by every engine: "did you mean" from the words of titles, tags and names.
    def vocabulary(self) -> set[str]:

        key = f"search:vocabulary:{self.name}:{index_generation()}"
        words = cache.get(key)
        if words is None:
            words = sorted(set(self.vocabulary_words()))
            cache.set(key, words, VOCABULARY_SECONDS)
        return set(words)

    def correct_words(self, words: list[str]) -> list[str]:
        """Each word that is not in the vocabulary, nor a form of a word in it, replaced by
        the vocabulary word with the same first letter that is fewest typing slips away
        (one in a word of up to four letters, two in a longer one); ties go to the more
        similar, then the first alphabetically. Known words are left as they are."""
        vocabulary = self.vocabulary()
        by_start: dict[str, list[str]] = {}
        corrected = []
        for word in words:
            if word in vocabulary or len(word) < 3 or word.isdigit():
                corrected.append(word)
                continue
            candidates = by_start.setdefault(
                word[0], sorted(v for v in vocabulary if v[:1] == word[0] and not v.isdigit())
            )
            # "wast" looks like "wasted" less its ending, but it is "waste" mistyped.
            known_form = word + "e" not in vocabulary and any(
                text.is_form_of(word, known) for known in candidates
            )
            if known_form:
                corrected.append(word)
                continue
            limit = text.typo_limit(word)
            best = None
            for candidate in candidates:
                distance = text.typo_distance(word, candidate, limit)
                if distance > limit:
                    continue
                similarity = difflib.SequenceMatcher(None, word, candidate).ratio()
                key = (distance, -similarity)
                if best is None or key < best[0]:
                    best = (key, candidate)
            corrected.append(best[1] if best else word)
        return corrected


@dataclass
class Matches:
    """The text match after facet filters: ids (and scores, when the engine gave them)."""

    ids: list[int] | None  # None when browsing (every page), or not asked for
    # (id, score), lower first, score None for "after every scored match"; None if not fetched
    scored: list[tuple[int, float | None]] | None
    total: int
    counts: list


class SqlBackend(SearchBackend):
    """Shared by the database engines: the text match from the engine, the rest in memory.

    For a query with text the engine is asked for the text match with no facet filter, no
    ORDER BY and no LIMIT. Facet filters, the total and the facet counts come from the
    bitsets of FacetIndex. The page of hits is then picked in the engine's own order:

    - `rank_in_engine = False` (PostgreSQL): one pass returns every match's id, with a score
      for those that match in the title, summary or meta, and a heap picks the page by score,
      then id, as `ORDER BY … LIMIT` would. Matches without a score (body only) come after,
      scored by `score_ids` only when the page reaches them.
    - `rank_in_engine = True` (SQLite): the ids come back as one string (FTS5 matches 10,000
      rows in about 2 ms; moving 10,000 (id, score) rows into Python costs more than the
      scoring), then the engine's own `ORDER BY bm25 LIMIT` gives the page.

    For the other sorts (newest, title...) no score is needed: the page is picked by each
    page's position in that order (sort_positions).
    """

    rank_in_engine = False

    @staticmethod
    def filter_sql(id_column: str, query: EngineQuery) -> tuple[str, list]:
        """Facet filters as SQL, for browsing (where SQL can use the date index) and for
        the engine's ranked page when rank_in_engine."""
        clauses, params = [], []
        for facet, values in query.filters:
            placeholders = ", ".join(["%s"] * len(values))
            clauses.append(
                f"{id_column} IN (SELECT f.page_id FROM search_searchdocumentfacet f "
                "JOIN search_searchfacetvalue v ON v.id = f.value_id "
                f"WHERE v.facet = %s AND v.value IN ({placeholders}))"
            )
            params += [facet, *values]
        return " AND ".join(clauses), params

    def match_scores(self, query: EngineQuery) -> list[tuple[int, float | None]]:
        """(id, score) of every page matching the text, ignoring facet filters; lower first.

        A score of None ranks after every scored match; those are scored by score_ids only
        when the requested page reaches them."""
        raise NotImplementedError

    def score_ids(self, query: EngineQuery, ids: list[int]) -> list[tuple[int, float]]:
        """(id, score) for matches that match_scores left unscored (ranked after the rest)."""
        raise NotImplementedError

    def match_ids(self, query: EngineQuery) -> list[int]:
        """Ids of every page matching the text, ignoring facet filters."""
        raise NotImplementedError

    def ranked_ids(
        self, query: EngineQuery, *, offset: int, limit: int, total: int | None = None
    ) -> list[int]:
        """One page by relevance, from the engine, facet filters applied (rank_in_engine).
        `total`, the number of filtered matches if known, can spare the engine a query."""
        raise NotImplementedError

    def matches(
        self, query: EngineQuery, *, sort: str = "newest", page_ids: bool = True
    ) -> Matches:
        """The text match after facet filters, with scores only when they pick the page.

        `page_ids=False` when no page will be picked from the ids (facet counts alone, or the
        engine's own ranked page): filtering the ids one by one is then skipped, and `ids` is
        None. That was 1.3 ms of a 7 ms SQLite search for 3,377 matches and two filters.
        """
        facets = facet_index()
        scored = ids = matched_ids = None
        if query.has_text and (self.rank_in_engine or sort in SORTS):
            ids = matched_ids = self.match_ids(query)
        elif query.has_text:
            scored = self.match_scores(query)
            matched_ids = [row[0] for row in scored]
        if matched_ids is not None and len(matched_ids) <= SMALL_MATCH_SET:
            kept, counts = facets.count_pages(matched_ids, query.filters)
            total, contains = len(kept), set(kept).__contains__
        else:
            matched = facets.everything if matched_ids is None else bitset(matched_ids)
            filtered, total, counts = facets.count(matched, query.filters)
            contains = bitset_member(filtered) if query.filters and matched_ids else None
        if not page_ids:
            ids = scored = None
        elif query.filters and matched_ids:
            if ids is not None:
                ids = [pk for pk in ids if contains(pk)]
            else:
                scored = [row for row in scored if contains(row[0])]
        return Matches(ids, scored, total, counts)

    def picks_from_engine(self, sort: str) -> bool:
        """Whether the page comes from the engine's own ranked query (filters applied there)."""
        return self.rank_in_engine and sort not in SORTS

    def facet_counts(self, query):
        found = self.matches(query, page_ids=False)
        return found.total, found.counts

    def pick(self, query: EngineQuery, found: Matches, *, sort, offset, limit) -> list[int]:
        """One page of ids from the (filtered) match set, in the order the SQL would give."""
        wanted = offset + limit
        if sort in SORTS:
            positions = sort_positions(sort)
            after = len(positions)  # pages written after the positions were read go last
            candidates = found.ids if found.ids is not None else map(itemgetter(0), found.scored)
            top = heapq.nsmallest(wanted, candidates, key=lambda pk: positions.get(pk, after + pk))
            return top[offset:]
        if self.picks_from_engine(sort):
            return self.ranked_ids(query, offset=offset, limit=limit, total=found.total)
        first = [row for row in found.scored if row[1] is not None]
        top = heapq.nsmallest(wanted, first, key=itemgetter(1, 0))
        if len(top) < wanted and len(first) < len(found.scored):
            rest = [page_id for page_id, score in found.scored if score is None]
            top += heapq.nsmallest(
                wanted - len(top), self.score_ids(query, rest), key=itemgetter(1, 0)
            )
        return [page_id for page_id, _score in top[offset:]]

    def hit_rows(self, query: EngineQuery, ids: list[int]) -> list[HitRow]:
        """The rows for these ids with title, summary and a body fragment marked in Python
        (search.text.Highlighter): no second pass over the match set."""
        if not ids:
            return []
        placeholders = ", ".join(["%s"] * len(ids))
        sql = (
            f"SELECT {HIT_COLUMNS}, substr(d.body, 1, {SNIPPET_TEXT_LIMIT}) "
            f"FROM search_searchdocument d WHERE d.page_id IN ({placeholders})"
        )
        highlighter = Highlighter(query.terms)
        by_id = {}
        with connection.cursor() as cursor:
            cursor.execute(sql, ids)
            for row in cursor.fetchall():
                hit = self.row_to_hit(row[:HIT_COLUMN_COUNT])
                hit.title_marked = highlighter.mark(hit.title)
                hit.summary_marked = highlighter.mark(hit.summary)
                if not hit.summary_marked:
                    hit.body_snippet = highlighter.snippet(row[HIT_COLUMN_COUNT] or "")
                by_id[hit.page_id] = hit
        return [by_id[pk] for pk in ids if pk in by_id]

    def search(self, query, *, sort, page, page_size, counts=None):
        """Total, facet counts and a page of hits (see the class doc)."""
        if not query.has_text:
            return super().search(query, sort=sort, page=page, page_size=page_size, counts=counts)
        if sort not in SORTS:
            sort = "relevance"
        found = self.matches(query, sort=sort, page_ids=not self.picks_from_engine(sort))
        page = min(page, last_page(found.total, page_size))
        rows = []
        if found.total:
            offset = (page - 1) * page_size
            ids = self.pick(query, found, sort=sort, offset=offset, limit=page_size)
            rows = self.hit_rows(query, ids)
        return EngineResult(found.total, found.counts, page, rows)

    def hits(self, query, *, sort, offset, limit):
        if sort not in SORTS:
            sort = "relevance"
        if not query.has_text:
            browse_sort = "newest" if sort == "relevance" else sort
            return self.load_rows(
                self.browse_ids(query, sort=browse_sort, offset=offset, limit=limit)
            )
        found = self.matches(query, sort=sort, page_ids=not self.picks_from_engine(sort))
        return self.hit_rows(query, self.pick(query, found, sort=sort, offset=offset, limit=limit))

    def browse_ids(self, query, *, sort, offset, limit) -> list[int]:
        where, params = self.filter_sql("d.page_id", query)
        sql = (
            "SELECT d.page_id FROM search_searchdocument d "
            f"{'WHERE ' + where if where else ''} ORDER BY {SORTS.get(sort, SORTS['newest'])} "
            "LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            return [row[0] for row in cursor.fetchall()]

    def load_rows(self, ids: list[int]) -> list[HitRow]:
        if not ids:
            return []
        placeholders = ", ".join(["%s"] * len(ids))
        sql = (
            f"SELECT {HIT_COLUMNS} FROM search_searchdocument d WHERE d.page_id IN ({placeholders})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, ids)
            by_id = {row[0]: self.row_to_hit(row) for row in cursor.fetchall()}
        return [by_id[pk] for pk in ids if pk in by_id]

    @staticmethod
    def row_to_hit(row) -> HitRow:
        import json

        organisations, tags = row[6], row[7]
        if isinstance(organisations, str):
            organisations = json.loads(organisations)
        if isinstance(tags, str):
            tags = json.loads(tags)
        date, checked_on = row[5], row[10]
        if isinstance(date, str):
            date = datetime.date.fromisoformat(date)
        if isinstance(checked_on, str):
            checked_on = datetime.date.fromisoformat(checked_on)
        hit = HitRow(
            page_id=row[0],
            title=row[1],
            url=row[2],
            content_type=row[3],
            content_type_label=row[4],
            date=date,
            organisations=organisations or [],
            tags=tags or [],
            summary=row[8] or "",
            reuse_count=row[9] or 0,
            checked_on=checked_on,
            status_label=row[11] or "",
        )
        extra = row[HIT_COLUMN_COUNT:]
        if extra:
            hit.title_marked, hit.summary_marked, hit.body_snippet = (list(extra) + ["", "", ""])[
                :3
            ]
        return hit
