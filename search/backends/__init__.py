"""Search engines behind the one service: SQLite FTS5, PostgreSQL full text, Elasticsearch."""

from django.conf import settings

from .base import EngineQuery, HitRow, SearchBackend, SearchEngineUnavailable
from .database import get_database_backend

__all__ = [
    "EngineQuery",
    "HitRow",
    "SearchBackend",
    "SearchEngineUnavailable",
    "get_backend",
    "get_database_backend",
]

_elasticsearch = None


def get_backend() -> SearchBackend:
    """Elasticsearch when SEARCH_URL is set, else the database's own full-text engine."""
    global _elasticsearch
    if getattr(settings, "SEARCH_URL", ""):
        from .elasticsearch import ElasticsearchBackend

        if _elasticsearch is None or _elasticsearch.url != settings.SEARCH_URL:
            _elasticsearch = ElasticsearchBackend(
                url=settings.SEARCH_URL, index_prefix=settings.SEARCH_INDEX_PREFIX
            )
        return _elasticsearch
    return get_database_backend()
