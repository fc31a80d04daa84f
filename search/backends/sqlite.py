"""SQLite FTS5: the engine matches (porter stemming) and ranks (bm25 with column weights).

The ids of every match come back as one JSON array for the total, facet filters and counts
(in memory, see SqlBackend). The page by relevance is FTS5's own `ORDER BY bm25 LIMIT`, first
over the pages that match in the title, summary or meta (a column filter), then over those
that match only in the body, as PostgreSQL ranks. Snippets are marked in Python from the
stored text of those hits (FTS5's snippet() would need another MATCH over every matching row).
"""

# SQL here is assembled only from fixed fragments and %s placeholders; every value is bound.
# ruff: noqa: S608

import json

from django.db import connection

from search import text

from .base import EngineQuery, SqlBackend

# bm25 weights per column: title, summary, body, meta (tags, organisations, service areas).
BM25 = "bm25(search_fts, 10.0, 4.0, 1.0, 3.0)"
# An FTS5 column filter: a match in any of these is a "head match", ranked before the body.
HEAD_COLUMNS = "{title summary meta}"


class SqliteBackend(SqlBackend):
    name = "sqlite"

    @staticmethod
    def match(query: EngineQuery) -> str:
        return text.fts5_match_expression(query.terms, any_term=query.any_term)

    rank_in_engine = True

    def match_ids(self, query):
        # One JSON array, not 10,000 rows: FTS5 matches a common word in about 1 ms, and most
        # of the cost of fetching rows was moving them into Python. json.loads parses the
        # ids in C (1.4 ms in all for 9,952, against 2.0 for a group_concat split in Python).
        sql = "SELECT json_group_array(rowid) FROM search_fts WHERE search_fts MATCH %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.match(query)])
            return json.loads(cursor.fetchone()[0])

    def ranked_ids(self, query, *, offset, limit, total=None):
        """Pages matching in the title, summary or meta first, then those matching only in the
        body, each by bm25 (as PostgreSQL ranks). bm25 weights a column before saturating
        its term frequency, so over the whole row a body repeating a word ~90 times
        outscores a title match."""
        match = self.match(query)
        head = f"{HEAD_COLUMNS} : ({match})"
        ids = self.ranked_page(head, query, offset=offset, limit=limit)
        if len(ids) == limit or (total is not None and offset + len(ids) >= total):
            return ids  # a full page, or every match was a head match
        # A short page means the head matches ran out on it, so their number is known,
        # unless the offset was already past them all.
        head_total = offset + len(ids) if ids or not offset else self.count_matches(head, query)
        body_only = f"({match}) NOT {head}"
        return ids + self.ranked_page(
            body_only, query, offset=max(0, offset - head_total), limit=limit - len(ids)
        )

    def ranked_page(self, match: str, query, *, offset, limit) -> list[int]:
        # "+rowid": without the unary plus SQLite hands the id list to FTS5, which then
        # re-runs the MATCH once per id (278 ms instead of 4 ms at 10,000 pages).
        where, params = self.filter_sql("+search_fts.rowid", query)
        sql = (
            "SELECT search_fts.rowid FROM search_fts WHERE search_fts MATCH %s"
            + (f" AND {where}" if where else "")
            + f" ORDER BY {BM25}, search_fts.rowid LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, *params, limit, offset])
            return [row[0] for row in cursor.fetchall()]

    def count_matches(self, match: str, query) -> int:
        where, params = self.filter_sql("+search_fts.rowid", query)
        sql = "SELECT count(*) FROM search_fts WHERE search_fts MATCH %s" + (
            f" AND {where}" if where else ""
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, *params])
            return cursor.fetchone()[0]

    def suggest_titles(self, words, *, limit):
        terms = [text.Term((word,)) for word in words]
        match = text.fts5_match_expression(terms, prefix_last=True)
        sql = (
            "SELECT d.title, d.url, d.content_type_label FROM search_title_fts "
            "JOIN search_searchdocument d ON d.page_id = search_title_fts.rowid "
            "WHERE search_title_fts MATCH %s ORDER BY bm25(search_title_fts), d.page_id LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, limit])
            return [
                {"title": title, "url": url, "type": label}
                for title, url, label in cursor.fetchall()
            ]

    def vocabulary_words(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT term FROM search_title_vocab")
            words = [row[0] for row in cursor.fetchall()]
            cursor.execute("SELECT label FROM search_searchfacetvalue WHERE facet != 'year'")
            for (label,) in cursor.fetchall():
                words.extend(text.words_of(label))
        return words
