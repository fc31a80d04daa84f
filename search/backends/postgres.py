"""PostgreSQL full text: a stored, weighted tsvector with a GIN index decides the top hits.

Terms reach PostgreSQL only as bound parameters of plainto_tsquery/phraseto_tsquery, so no
user input is ever parsed as tsquery syntax. Highlights come from ts_headline, run for the
page of hits only.
"""

# SQL here is assembled only from fixed fragments and %s placeholders; every value is bound.
# ruff: noqa: S608

from django.db import connection

from search import text

from .base import HIT_COLUMNS, SORTS, EngineQuery, SqlBackend

CONFIG = "english"
HEADLINE_OPTIONS = (
    "StartSel=\x02, StopSel=\x03, MaxWords=40, MinWords=20, ShortWord=2, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
HEADLINE_TEXT_LIMIT = 20000


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

    def match_set_sql(self, query):
        if not query.has_text:
            where, params = self.filter_sql("d.page_id", query)
            return (
                f"SELECT d.page_id AS id FROM search_searchdocument d "
                f"{'WHERE ' + where if where else ''}",
                params,
            )
        tsquery, tsparams = tsquery_sql(query)
        where, params = self.filter_sql("d.page_id", query)
        return (
            f"SELECT d.page_id AS id FROM search_searchdocument d WHERE d.search_vector @@ {tsquery}"
            + (f" AND {where}" if where else ""),
            [*tsparams, *params],
        )

    def top_ids(self, query, *, sort, offset, limit) -> list[int]:
        tsquery, tsparams = tsquery_sql(query)
        where, params = self.filter_sql("d.page_id", query)
        and_where = f" AND {where}" if where else ""
        if sort == "relevance":
            order, order_params = f"ts_rank(d.search_vector, {tsquery}) DESC, d.page_id", tsparams
        else:
            order, order_params = SORTS[sort], []
        sql = (
            f"SELECT d.page_id FROM search_searchdocument d WHERE d.search_vector @@ {tsquery}"
            f"{and_where} ORDER BY {order} LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*tsparams, *params, *order_params, limit, offset])
            return [row[0] for row in cursor.fetchall()]

    def hits(self, query, *, sort, offset, limit):
        if sort not in SORTS and sort != "relevance":
            sort = "relevance"
        if not query.has_text:
            return self.load_rows(
                self.browse_ids(
                    query,
                    sort="newest" if sort == "relevance" else sort,
                    offset=offset,
                    limit=limit,
                )
            )
        return self.hit_rows(query, self.top_ids(query, sort=sort, offset=offset, limit=limit))

    def hit_rows(self, query, ids):
        if not ids:
            return []
        tsquery, tsparams = tsquery_sql(query)
        placeholders = ", ".join(["%s"] * len(ids))
        headline = f"ts_headline('{CONFIG}', {{column}}, q.q, %s)"
        sql = (
            f"SELECT {HIT_COLUMNS}, "
            + headline.format(column="d.title")
            + ", "
            + headline.format(column="d.summary")
            + ", "
            + headline.format(column=f"left(d.body, {HEADLINE_TEXT_LIMIT})")
            + f" FROM search_searchdocument d, (SELECT {tsquery} AS q) q"
            f" WHERE d.page_id IN ({placeholders})"
        )
        options = [HEADLINE_OPTIONS.replace("MaxFragments=2", "HighlightAll=true")] * 2
        with connection.cursor() as cursor:
            cursor.execute(sql, [*options, HEADLINE_OPTIONS, *tsparams, *ids])
            by_id = {row[0]: self.row_to_hit(row) for row in cursor.fetchall()}
        hits = [by_id[pk] for pk in ids if pk in by_id]
        for hit in hits:
            # ts_headline returns the start of the text when nothing matched: treat as no snippet.
            if text.MARK_START not in hit.body_snippet:
                hit.body_snippet = ""
        return hits

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
