"""SQLite FTS5: the engine matches and scores (bm25 with column weights), once per search.

One query returns (rowid, bm25) for every match; the shared SqlBackend picks the page of
hits, applies facet filters and counts facets in memory, and marks snippets in Python from
the stored text of those hits (FTS5's snippet() would need a second MATCH over every row).
"""

# SQL here is assembled only from fixed fragments and %s placeholders; every value is bound.
# ruff: noqa: S608

from django.db import connection

from search import text

from .base import EngineQuery, SqlBackend

# bm25 weights per column: title, summary, body, meta (tags, organisations, service areas).
BM25 = "bm25(search_fts, 10.0, 4.0, 1.0, 3.0)"

# Raw filtered queries (the benchmark's) use "+search_fts.rowid IN (...)": without the unary
# plus SQLite hands the rowid list to FTS5, which then re-runs the MATCH once per id.


class SqliteBackend(SqlBackend):
    name = "sqlite"

    @staticmethod
    def match(query: EngineQuery) -> str:
        return text.fts5_match_expression(query.terms, any_term=query.any_term)

    def match_scores(self, query):
        sql = f"SELECT rowid, {BM25} FROM search_fts WHERE search_fts MATCH %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.match(query)])
            return cursor.fetchall()

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
