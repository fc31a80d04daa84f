"""Elasticsearch 8/9 or OpenSearch, when SEARCH_URL is set.

The database index (search_searchdocument) stays the source of truth: every change there is
copied to Elasticsearch by page id, and a rebuild fills a new index and swaps an alias, so
searches keep working during it. Plain HTTP with JSON keeps one client for ES 8, ES 9 and
OpenSearch (the official clients refuse each other's servers).
"""

import base64
import datetime
import http.client
import json
import logging
import threading
import time
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import connection

from search import text
from search.models import SearchDocument, SearchDocumentFacet, SearchFacetValue

from . import es_queries
from .base import EngineQuery, HitRow, SearchBackend, SearchEngineUnavailable
from .database import get_database_backend

logger = logging.getLogger(__name__)

# An engine that is down must not hold a gunicorn worker: a second and a half to connect,
# a few seconds for a search to answer. Writes (bulk with refresh=wait_for, a rebuild's
# batches) may take longer once connected. All three can be set in settings.
CONNECT_TIMEOUT = 1.5
READ_TIMEOUT = 3.0
WRITE_TIMEOUT = 30.0
# After a failure to reach the engine, each process stops asking it for this long, so that
# while it is down every search answers at once (503, or the listing from the database)
# instead of each request waiting for its own timeout. /healthz still asks every time.
RETRY_AFTER_FAILURE_SECONDS = 10.0
BULK_CHUNK = 500


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, *, url: str, index_prefix: str):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise ValueError("SEARCH_URL must be an http or https URL")
        self.url = url
        self.https = parts.scheme == "https"
        self.host = parts.hostname or "localhost"
        self.port = parts.port or (443 if self.https else 80)
        self.path_prefix = parts.path.rstrip("/")
        self.authorization = None
        if parts.username:  # https://user:password@host: basic authentication
            credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
            self.authorization = "Basic " + base64.b64encode(credentials.encode()).decode()
        self.alias = f"{index_prefix}_content"
        self._cache = None
        self._unavailable_until = 0.0
        self._lock = threading.Lock()

    # --- HTTP -------------------------------------------------------------------------
    @staticmethod
    def timeouts(*, write: bool) -> tuple[float, float]:
        connect = float(getattr(settings, "SEARCH_CONNECT_TIMEOUT", CONNECT_TIMEOUT))
        if write:
            return connect, float(getattr(settings, "SEARCH_WRITE_TIMEOUT", WRITE_TIMEOUT))
        return connect, float(getattr(settings, "SEARCH_READ_TIMEOUT", READ_TIMEOUT))

    def is_paused(self) -> bool:
        """Whether a recent failure means this process does not ask the engine just now."""
        return time.monotonic() < self._unavailable_until

    def _failed(self) -> None:
        pause = float(getattr(settings, "SEARCH_RETRY_SECONDS", RETRY_AFTER_FAILURE_SECONDS))
        with self._lock:
            self._unavailable_until = time.monotonic() + pause

    def _answered(self) -> None:
        with self._lock:
            self._unavailable_until = 0.0

    def request(
        self,
        method: str,
        path: str,
        body=None,
        *,
        ndjson: bool = False,
        allow_missing: bool = False,
        write: bool = False,
        even_if_paused: bool = False,
    ):
        """One HTTP request; SearchEngineUnavailable for anything but a good answer.

        http.client rather than urllib so that connecting and answering have their own
        timeouts (urllib has one for both). The error's text names the method and path,
        never the host, and is for logs only.
        """
        if self.is_paused() and not even_if_paused:
            raise SearchEngineUnavailable(f"{method} {path}: not asked (failed moments ago)")
        data = None
        headers = {"Accept": "application/json"}
        if self.authorization:
            headers["Authorization"] = self.authorization
        if body is not None:
            data = (body if isinstance(body, str) else json.dumps(body)).encode()
            headers["Content-Type"] = "application/x-ndjson" if ndjson else "application/json"
        connect_timeout, answer_timeout = self.timeouts(write=write)
        connection_class = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
        conn = connection_class(self.host, self.port, timeout=connect_timeout)
        try:
            conn.connect()
            conn.sock.settimeout(answer_timeout)
            conn.request(method, self.path_prefix + path, body=data, headers=headers)
            response = conn.getresponse()
            status, payload = response.status, response.read()
        except (OSError, http.client.HTTPException) as error:
            # Refused, unreachable, timed out, reset, or not HTTP at all.
            self._failed()
            raise SearchEngineUnavailable(f"{method} {path}: {type(error).__name__}") from error
        finally:
            conn.close()
        if status >= 400:
            if allow_missing and status == 404:
                self._answered()
                return None
            if status >= 500 or status == 429:  # the engine is in trouble, not the request
                self._failed()
            raise SearchEngineUnavailable(f"{method} {path}: {status} {payload[:500]!r}")
        try:
            answer = json.loads(payload) if payload else {}
        except ValueError as error:  # a proxy's HTML error page, or garbage
            self._failed()
            raise SearchEngineUnavailable(f"{method} {path}: not JSON") from error
        self._answered()
        return answer

    def ping(self) -> dict:
        """Whether the engine answers now, whatever earlier requests found (for /healthz)."""
        return self.request("GET", "/", even_if_paused=True)

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
        answer = self.request("POST", f"/{self.alias}/_search", body)
        try:
            return es_queries.parse_search_response(answer)
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            # JSON, but not a search response (a proxy, a different service on the port).
            self._failed()
            raise SearchEngineUnavailable("search: not a search response") from error

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
            date, checked_on = hit.get("date"), hit.get("checked_on")
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
                    checked_on=datetime.date.fromisoformat(checked_on) if checked_on else None,
                    status_label=hit.get("status_label") or "",
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
        try:
            return [
                {
                    "title": h["_source"]["title"],
                    "url": h["_source"]["url"],
                    "type": h["_source"]["content_type_label"],
                }
                for h in data.get("hits", {}).get("hits", [])
            ]
        except (AttributeError, KeyError, TypeError) as error:
            self._failed()
            raise SearchEngineUnavailable("suggest: not a search response") from error

    def vocabulary_words(self):
        # The database index is always kept too; its vocabulary is the same words.
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
            self.request("POST", "/_bulk?refresh=wait_for", lines, ndjson=True, write=True)

    def rebuild(self, *, stdout=None):
        """Fill a new index from the database index, then point the alias at it."""
        new_index = f"{self.alias}_{time.strftime('%Y%m%d%H%M%S')}_{time.perf_counter_ns() % 10**6}"
        self.request("PUT", f"/{new_index}", es_queries.index_body(), write=True)
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
                self.request("POST", "/_bulk", lines, ndjson=True, write=True)
                last = ids[-1]
        self.request("POST", f"/{new_index}/_refresh", write=True)
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
