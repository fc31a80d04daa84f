"""What every search engine provides, and the SQL the two database engines share."""

# SQL here is assembled only from fixed fragments and %s placeholders; every value is bound.
# ruff: noqa: S608

import datetime
import difflib
import math
import threading
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

from django.core.cache import cache
from django.db import connection

from search.text import Term

SORTS = {
    "newest": "d.date DESC, d.page_id DESC",
    "oldest": "d.date ASC, d.page_id ASC",
    "title": "d.title ASC, d.page_id ASC",
    "most-reused": "d.reuse_count DESC, d.date DESC, d.page_id DESC",
}
HIT_COLUMNS = (
    "d.page_id, d.title, d.url, d.content_type, d.content_type_label, d.date, "
    "d.organisations, d.tags, d.summary, d.reuse_count"
)
VOCABULARY_SECONDS = 600
# Like Elasticsearch's max_result_window: deep paging past this is refused on every engine.
MAX_RESULT_WINDOW = 10_000


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
# millisecond for 10,000 matches, where GROUP BY in either database takes tens.
_facet_maps: dict[str, tuple[int, dict, dict]] = {}
_facet_lock = threading.Lock()


def bitset(ids) -> int:
    ids = list(ids)
    if not ids:
        return 0
    buffer = bytearray(max(ids) // 8 + 1)
    for page_id in ids:
        buffer[page_id >> 3] |= 1 << (page_id & 7)
    return int.from_bytes(buffer, "little")


def facet_map() -> tuple[dict[int, int], dict[int, tuple[str, str, str]]]:
    from search.indexing import index_generation

    key = f"{connection.alias}:{connection.settings_dict.get('NAME')}"
    generation = index_generation()
    cached = _facet_maps.get(key)
    if cached and cached[0] == generation:
        return cached[1], cached[2]
    with _facet_lock, connection.cursor() as cursor:
        cursor.execute(
            "SELECT value_id, page_id FROM search_searchdocumentfacet ORDER BY value_id, page_id"
        )
        masks = {
            value_id: bitset(page_id for _value, page_id in group)
            for value_id, group in groupby(cursor.fetchall(), key=itemgetter(0))
        }
        cursor.execute("SELECT id, facet, value, label FROM search_searchfacetvalue")
        labels = {row[0]: (row[1], row[2], row[3]) for row in cursor.fetchall()}
        _facet_maps[key] = (generation, masks, labels)
    return masks, labels


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
        from search.indexing import index_generation

        key = f"search:vocabulary:{self.name}:{index_generation()}"
        words = cache.get(key)
        if words is None:
            words = sorted(set(self.vocabulary_words()))
            cache.set(key, words, VOCABULARY_SECONDS)
        return set(words)

    def correct_words(self, words: list[str]) -> list[str]:
        vocabulary = self.vocabulary()
        by_start: dict[str, list[str]] = {}
        corrected = []
        for word in words:
            if word in vocabulary or len(word) < 3 or word.isdigit():
                corrected.append(word)
                continue
            candidates = by_start.setdefault(
                word[0], [v for v in vocabulary if v[:1] == word[0] and not v.isdigit()]
            )
            # "repair" is known if "repairs" is: stemming engines match it already.
            if any(v.startswith(word[:-1]) and len(v) - len(word) <= 3 for v in candidates):
                corrected.append(word)
                continue
            candidates = [v for v in candidates if abs(len(v) - len(word)) <= 2]
            match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
            corrected.append(match[0] if match else word)
        return corrected


class SqlBackend(SearchBackend):
    """Shared SQL for the database engines: facet filters and the facet count pass."""

    @staticmethod
    def filter_sql(id_column: str, query: EngineQuery) -> tuple[str, list]:
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

    def match_set_sql(self, query: EngineQuery) -> tuple[str, list]:
        """SQL selecting the ids of every match (one column, "id")."""
        raise NotImplementedError

    def facet_counts(self, query):
        match_sql, params = self.match_set_sql(query)
        with connection.cursor() as cursor:
            cursor.execute(match_sql, params)
            ids = [row[0] for row in cursor.fetchall()]
        return self.count_facets(ids)

    @staticmethod
    def count_facets(ids: list[int]):
        """Total and (facet, value, label, count) over the whole match set (see facet_map)."""
        masks, labels = facet_map()
        matched = bitset(ids)
        counts = []
        for value_id, mask in masks.items():
            count = (mask & matched).bit_count()
            if count and value_id in labels:
                counts.append((*labels[value_id], count))
        return len(ids), counts

    def hit_rows(self, query: EngineQuery, ids: list[int]) -> list[HitRow]:
        raise NotImplementedError

    def search(self, query, *, sort, page, page_size, counts=None):
        """Matching ids once (cheap: no ranking), for the total and the facet counts; then the
        engine's own ranked top-N query; then snippets for those N only."""
        if not query.has_text:
            return super().search(query, sort=sort, page=page, page_size=page_size, counts=counts)
        total, facet_rows = self.facet_counts(query)
        page = min(page, last_page(total, page_size))
        rows = []
        if total:
            ids = self.top_ids(query, sort=sort, offset=(page - 1) * page_size, limit=page_size)
            rows = self.hit_rows(query, ids)
        return EngineResult(total, facet_rows, page, rows)

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
        date = row[5]
        if isinstance(date, str):
            date = datetime.date.fromisoformat(date)
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
        )
        extra = row[10:]
        if extra:
            hit.title_marked, hit.summary_marked, hit.body_snippet = (list(extra) + ["", "", ""])[
                :3
            ]
        return hit
