"""PostgreSQL full text: a stored, weighted tsvector with a GIN index decides the top hits.

Terms reach PostgreSQL only as bound parameters of plainto_tsquery/phraseto_tsquery, so no
user input is ever parsed as tsquery syntax. One query returns (page_id, ts_rank) for every
match; paging, facet filters and counts happen in memory (search.backends.base.SqlBackend),
and highlights are marked in Python from the stored text of the page of hits.
"""

# SQL here is assembled only from fixed fragments and %s placeholders; every value is bound.
# ruff: noqa: S608

from django.db import connection

from search import text

from .base import EngineQuery, SqlBackend

CONFIG = "english"


def tsquery_sql(query: EngineQuery) -> tuple[str, list]:
    """A tsquery expression built from bound parameters, one function call per term."""
    parts, params = [], []
    for term in query.terms:
        function = "phraseto_tsquery" if term.is_phrase else "plainto_tsquery"
        parts.append(f"{function}('{CONFIG}', %s)")
        params.append(term.text)
    joiner = " || " if query.any_term else " && "
    return "(" + joiner.join(parts) + ")", params


class PostgresBackend(SqlBackend):
    name = "postgresql"

    def match_ids(self, query):
        # For the total, facet counts and the other sorts: no ts_rank, one array.
        tsquery, tsparams = tsquery_sql(query)
        sql = (
            "SELECT array_agg(d.page_id) FROM search_searchdocument d "
            f"WHERE d.search_vector @@ {tsquery}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, tsparams)
            return cursor.fetchone()[0] or []

    def match_scores(self, query):
        tsquery, tsparams = tsquery_sql(query)
        # The same ts_rank the raw `ORDER BY ts_rank(...) DESC` computes; negated so that, like
        # bm25, lower ranks first.
        sql = (
            f"SELECT d.page_id, -ts_rank(d.search_vector, {tsquery}) "
            f"FROM search_searchdocument d WHERE d.search_vector @@ {tsquery}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*tsparams, *tsparams])
            return cursor.fetchall()

    def suggest_titles(self, words, *, limit):
        # Lexemes are letters and digits only (search.text.WORD_RE), so quoting is safe.
        lexemes = [f"'{word}'" for word in words[:-1]] + [f"'{words[-1]}':*"]
        sql = (
            "SELECT d.title, d.url, d.content_type_label FROM search_searchdocument d, "
            "to_tsquery('simple', %s) q WHERE d.title_vector @@ q "
            "ORDER BY ts_rank(d.title_vector, q) DESC, length(d.title), d.page_id LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [" & ".join(lexemes), limit])
            return [
                {"title": title, "url": url, "type": label}
                for title, url, label in cursor.fetchall()
            ]

    def vocabulary_words(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM ts_stat('SELECT title_vector FROM search_searchdocument')"
            )
            words = [row[0] for row in cursor.fetchall()]
            cursor.execute("SELECT label FROM search_searchfacetvalue WHERE facet != 'year'")
            for (label,) in cursor.fetchall():
                words.extend(text.words_of(label))
        return words
