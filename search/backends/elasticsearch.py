"""Elasticsearch 8/9 or OpenSearch, when SEARCH_URL is set.

The database index (search_searchdocument) stays the source of truth: every change there is
copied to Elasticsearch by page id, and a rebuild fills a new index and swaps an alias, so
searches keep working during it. Plain HTTP with JSON keeps one client for ES 8, ES 9 and
OpenSearch (the official clients refuse each other's servers).
"""

import datetime
import json
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.db import connection

from search import text
from search.models import SearchDocument, SearchDocumentFacet, SearchFacetValue

from . import es_queries
from .base import EngineQuery, HitRow, SearchBackend

TIMEOUT = 5
BULK_CHUNK = 500


class SearchEngineUnavailable(RuntimeError):
    pass


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, *, url: str, index_prefix: str):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise ValueError("SEARCH_URL must be an http or https URL")
        self.url = url
        self.base = url.rstrip("/")
        self.alias = f"{index_prefix}_content"
        self._cache = None

    # --- HTTP -------------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        body=None,
        *,
        ndjson: bool = False,
        allow_missing: bool = False,
    ):
        data = None
        headers = {"Accept": "application/json"}
        if body is not None:
            data = (body if isinstance(body, str) else json.dumps(body)).encode()
            headers["Content-Type"] = "application/x-ndjson" if ndjson else "application/json"
        # The scheme was checked to be http(s) in __init__.
        request = urllib.request.Request(  # noqa: S310
            self.base + path, data=data, method=method, headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
                payload = response.read()
        except urllib.error.HTTPError as error:
            if allow_missing and error.code == 404:
                return None
            raise SearchEngineUnavailable(
                f"{method} {path}: {error.code} {error.read()[:500]!r}"
            ) from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise SearchEngineUnavailable(f"{method} {path}: {error}") from error
        return json.loads(payload) if payload else {}

    def ping(self) -> dict:
        return self.request("GET", "/")

    # --- searching --------------------------------------------------------------------
    def _search(self, query, *, sort, offset, limit, with_facets, with_highlight):
        body = es_queries.search_body(
            query,
            sort=sort,
            offset=offset,
            limit=limit,
            with_facets=with_facets,
            with_highlight=with_highlight,
        )
        return es_queries.parse_search_response(
            self.request("POST", f"/{self.alias}/_search", body)
        )

    def facet_counts(self, query: EngineQuery):
        total, _hits, counts = self._search(
            query, sort="relevance", offset=0, limit=0, with_facets=True, with_highlight=False
        )
        labels = self.facet_labels(counts)
        return total, [
            (facet, value, labels.get((facet, value), value), count)
            for facet, value, count in counts
        ]

    @staticmethod
    def facet_labels(counts) -> dict[tuple[str, str], str]:
        values = {value for _facet, value, _count in counts}
        if not values:
            return {}
        rows = SearchFacetValue.objects.filter(value__in=list(values)[:5000]).values_list(
            "facet", "value", "label"
        )
        return {(facet, value): label for facet, value, label in rows}

    def hits(self, query, *, sort, offset, limit):
        _total, hits, _counts = self._search(
            query, sort=sort, offset=offset, limit=limit, with_facets=False, with_highlight=True
        )
        rows = []
        for hit in hits:
            date = hit.get("date")
            rows.append(
                HitRow(
                    page_id=hit["page_id"],
                    title=hit["title"],
                    url=hit["url"],
                    content_type=hit["content_type"],
                    content_type_label=hit["content_type_label"],
                    date=datetime.date.fromisoformat(date) if date else None,
                    organisations=hit.get("organisations") or [],
                    tags=hit.get("tags") or [],
                    summary=hit.get("summary") or "",
                    reuse_count=hit.get("reuse_count") or 0,
                    title_marked=hit["title_marked"],
                    summary_marked=hit["summary_marked"],
                    body_snippet=hit["body_snippet"],
                )
            )
        return rows

    def suggest_titles(self, words, *, limit):
        data = self.request(
            "POST", f"/{self.alias}/_search", es_queries.suggest_body(words, limit=limit)
        )
        return [
            {
                "title": h["_source"]["title"],
                "url": h["_source"]["url"],
                "type": h["_source"]["content_type_label"],
            }
            for h in data.get("hits", {}).get("hits", [])
        ]

    def vocabulary_words(self):
        # The database index is always kept too; its vocabulary is the same words.
        from . import get_database_backend

        return get_database_backend().vocabulary_words()

    # --- writing ----------------------------------------------------------------------
    def documents_for(self, page_ids: list[int]) -> list[dict]:
        documents = SearchDocument.objects.filter(page_id__in=page_ids)
        facets: dict[int, list[tuple[str, str]]] = {}
        for page_id, facet, value in SearchDocumentFacet.objects.filter(
            document_id__in=page_ids
        ).values_list("document_id", "value__facet", "value__value"):
            facets.setdefault(page_id, []).append((facet, value))
        return [es_queries.document_body(doc, facets.get(doc.page_id, [])) for doc in documents]

    def after_write(self, page_ids):
        page_ids = list(page_ids)
        for start in range(0, len(page_ids), BULK_CHUNK):
            chunk = page_ids[start : start + BULK_CHUNK]
            documents = self.documents_for(chunk)
            present = {doc["page_id"] for doc in documents}
            lines = es_queries.bulk_lines(
                self.alias, documents, [pk for pk in chunk if pk not in present]
            )
            self.request("POST", "/_bulk?refresh=wait_for", lines, ndjson=True)

    def rebuild(self, *, stdout=None):
        """Fill a new index from the database index, then point the alias at it."""
        new_index = f"{self.alias}_{time.strftime('%Y%m%d%H%M%S')}_{time.perf_counter_ns() % 10**6}"
        self.request("PUT", f"/{new_index}", es_queries.index_body())
        last = 0
        with connection.cursor() as cursor:
            while True:
                cursor.execute(
                    "SELECT page_id FROM search_searchdocument WHERE page_id > %s "
                    "ORDER BY page_id LIMIT %s",
                    [last, BULK_CHUNK],
                )
                ids = [row[0] for row in cursor.fetchall()]
                if not ids:
                    break
                lines = es_queries.bulk_lines(new_index, self.documents_for(ids))
                self.request("POST", "/_bulk", lines, ndjson=True)
                last = ids[-1]
        self.request("POST", f"/{new_index}/_refresh")
        old = self.request("GET", f"/_alias/{self.alias}", allow_missing=True) or {}
        actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
        if self.request("HEAD", f"/{self.alias}", allow_missing=True) is not None and not old:
            # A real index (not an alias) squats the name: remove it first.
            self.request("DELETE", f"/{self.alias}")
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        self.request("POST", "/_aliases", {"actions": actions})
        for name in old:
            self.request("DELETE", f"/{name}", allow_missing=True)
        if stdout is not None:
            stdout.write(f"Elasticsearch index {new_index} is now {self.alias}\n")


__all__ = ["ElasticsearchBackend", "SearchEngineUnavailable", "text"]
