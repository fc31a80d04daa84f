"""PostgreSQL full text: a stored, weighted tsvector with a GIN index; title, summary and meta
matches ranked first from a small second vector.

Terms reach PostgreSQL only as bound parameters of plainto_tsquery/phraseto_tsquery, so no
user input is ever parsed as tsquery syntax. One query returns every match's id, with a
ts_rank over head_vector (title, summary, meta) for the pages that match there; pages that
match only in the body are ranked after them, with ts_rank over the whole search_vector and
only when the requested page reaches them. Paging, facet filters and counts happen in memory
(search.backends.base.SqlBackend), and highlights are marked in Python from the stored text
of the page of hits.
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


def planner_blind(tsquery: str) -> str:
    """The tsquery as a one-row subquery (an InitPlan), so the planner cannot see its words.

    Most search_vectors are a few kB and stored out of line (TOAST). A sequential scan
    detoasts every row's vector to test @@, where a GIN bitmap scan answers a word or an
    AND/OR of words without reading the vectors (only phrase candidates are rechecked). The
    planner does not cost detoasting, so for a word it knows to be on a fifth of the pages or
    more it picks the sequential scan: at 10,000 pages the ids for "council" took 38 ms that
    way and 7 ms from the index, "waste" 29 and 3 ms. Not knowing the words, it estimates
    @@ at its default selectivity (0.5%) and always takes the index.
    """
    return f"(SELECT {tsquery})"


class PostgresBackend(SqlBackend):
    name = "postgresql"

    def match_ids(self, query):
        # For the total, facet counts and the other sorts: no ts_rank, one array.
        tsquery, tsparams = tsquery_sql(query)
        sql = (
            "SELECT array_agg(d.page_id) FROM search_searchdocument d "
            f"WHERE d.search_vector @@ {planner_blind(tsquery)}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, tsparams)
            return cursor.fetchone()[0] or []

    def match_scores(self, query):
        # Every match (the total and facet counts must be exact), ranked only where the
        # title, summary or meta match: ts_rank over the small head_vector, stored in the row,
        # instead of the whole search_vector, which ts_rank would detoast for every match (the
        # raw top-20 query's cost: 41 ms for "council" at 10,000 pages; this query 23 ms).
        # head_vector holds the same lexemes, weights and positions as the start of
        # search_vector, so a head match is always a match; testing it first in the OR lets
        # a phrase candidate's recheck skip detoasting search_vector.
        tsquery, tsparams = tsquery_sql(query)
        tsquery = planner_blind(tsquery)
        sql = (
            f"SELECT d.page_id, CASE WHEN d.head_vector @@ {tsquery} "
            f"THEN -ts_rank(d.head_vector, {tsquery}) END "
            f"FROM search_searchdocument d "
            f"WHERE d.head_vector @@ {tsquery} OR d.search_vector @@ {tsquery}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, tsparams * 4)
            return cursor.fetchall()

    def score_ids(self, query, ids):
        # Body-only matches, ranked only when a page of hits reaches past the head matches;
        # by primary key, so only these vectors are detoasted.
        tsquery, tsparams = tsquery_sql(query)
        sql = (
            f"SELECT d.page_id, -ts_rank(d.search_vector, {tsquery}) "
            "FROM search_searchdocument d WHERE d.page_id = ANY(%s)"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*tsparams, list(ids)])
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
