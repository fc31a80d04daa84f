"""SQLite FTS5: the engine matches (porter stemming) and ranks (bm25 with column weights).

The ids of every match come back as one string for the total, facet filters and counts
(in memory, see SqlBackend); the engine's own `ORDER BY bm25 LIMIT` gives the page by
relevance; snippets are marked in Python from the stored text of those hits (FTS5's
snippet() would need another MATCH over every matching row).
"""

# SQL here is assembled only from fixed fragments and %s placeholders; every value is bound.
# ruff: noqa: S608

from django.db import connection

from search import text

from .base import EngineQuery, SqlBackend

# bm25 weights per column: title, summary, body, meta (tags, organisations, service areas).
BM25 = "bm25(search_fts, 10.0, 4.0, 1.0, 3.0)"


class SqliteBackend(SqlBackend):
    name = "sqlite"

    @staticmethod
    def match(query: EngineQuery) -> str:
        return text.fts5_match_expression(query.terms, any_term=query.any_term)

    rank_in_engine = True

    def match_ids(self, query):
        # One string, not 10,000 rows: FTS5 matches a common word in about 2 ms, and most of
        # the cost of fetching (rowid, bm25) rows was moving them into Python.
        sql = "SELECT group_concat(rowid) FROM search_fts WHERE search_fts MATCH %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.match(query)])
            joined = cursor.fetchone()[0]
        return list(map(int, joined.split(","))) if joined else []

    def ranked_ids(self, query, *, offset, limit):
        # "+rowid": without the unary plus SQLite hands the id list to FTS5, which then
        # re-runs the MATCH once per id (278 ms instead of 4 ms at 10,000 pages).
        where, params = self.filter_sql("+search_fts.rowid", query)
        sql = (
            "SELECT search_fts.rowid FROM search_fts WHERE search_fts MATCH %s"
            + (f" AND {where}" if where else "")
            + f" ORDER BY {BM25}, search_fts.rowid LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.match(query), *params, limit, offset])
            return [row[0] for row in cursor.fetchall()]

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
