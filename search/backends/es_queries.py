"""Elasticsearch / OpenSearch request bodies, as pure functions so they can be tested offline.

Works with Elasticsearch 8 and 9 and OpenSearch 2: only long-standing query DSL is used.
"""

import json

from search import text

from .base import EngineQuery

FIELD_BOOSTS = ["title^10", "summary^4", "meta^3", "body"]
FACET_FIELDS = [
    "type",
    "service_area",
    "tag",
    "organisation",
    "nation",
    "region",
    "year",
    "maturity",
    "phase",
    "status",
    "principle",
    "funded",
    "review",
    "event_type",
    "attendance",
    "audience",
    "event_region",
    "when",
]
# Terms aggregations return only 10 buckets unless told otherwise.
FACET_SIZE = 1000
HIT_SOURCE = [
    "page_id",
    "title",
    "url",
    "content_type",
    "content_type_label",
    "date",
    "organisations",
    "tags",
    "summary",
    "reuse_count",
    "checked_on",
    "status_label",
]
SORTS = {
    "newest": [{"date": "desc"}, {"page_id": "desc"}],
    "oldest": [{"date": "asc"}, {"page_id": "asc"}],
    "title": [{"title.sort": "asc"}, {"page_id": "asc"}],
    "most-reused": [{"reuse_count": "desc"}, {"date": "desc"}, {"page_id": "desc"}],
    "recently-reviewed": [{"checked_on": "desc"}, {"date": "desc"}, {"page_id": "desc"}],
    "starts-soonest": [{"starts_at": {"order": "asc", "missing": "_last"}}, {"page_id": "asc"}],
    "starts-latest": [{"starts_at": {"order": "desc", "missing": "_last"}}, {"page_id": "desc"}],
}


def index_body() -> dict:
    """Settings and an explicit mapping: English analysis for text, keywords for facets."""
    english = {"type": "text", "analyzer": "english"}
    facets = {name: {"type": "keyword"} for name in FACET_FIELDS}
    return {
        "settings": {
            "number_of_shards": 1,
            "max_result_window": 10_000,
            "analysis": {
                "normalizer": {"sort_lowercase": {"type": "custom", "filter": ["lowercase"]}}
            },
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "page_id": {"type": "long"},
                "title": {
                    **english,
                    "fields": {
                        "suggest": {"type": "search_as_you_type", "analyzer": "standard"},
                        "sort": {
                            "type": "keyword",
                            "ignore_above": 256,
                            "normalizer": "sort_lowercase",
                        },
                    },
                },
                "summary": english,
                "body": english,
                "meta": english,
                "content_type": {"type": "keyword"},
                "content_type_label": {"type": "keyword", "index": False},
                "url": {"type": "keyword", "index": False},
                "date": {"type": "date"},
                "reuse_count": {"type": "integer"},
                "checked_on": {"type": "date"},
                "starts_at": {"type": "date"},
                "status_label": {"type": "keyword", "index": False},
                "organisations": {"type": "object", "enabled": False},
                "tags": {"type": "object", "enabled": False},
                **facets,
            },
        },
    }


def document_body(document, facets: list[tuple[str, str]]) -> dict:
    """One SearchDocument (and its (facet, value) pairs) as an Elasticsearch document."""
    body = {
        "page_id": document.page_id,
        "title": document.title,
        "summary": document.summary,
        "body": document.body,
        "meta": document.meta,
        "content_type": document.content_type,
        "content_type_label": document.content_type_label,
        "url": document.url,
        "date": document.date.isoformat() if document.date else None,
        "reuse_count": document.reuse_count,
        "checked_on": document.checked_on.isoformat() if document.checked_on else None,
        "starts_at": document.starts_at.isoformat() if document.starts_at else None,
        "status_label": document.status_label,
        "organisations": document.organisations,
        "tags": document.tags,
    }
    for name in FACET_FIELDS:
        body[name] = sorted({value for facet, value in facets if facet == name})
    return body


def bulk_lines(index: str, documents: list[dict], deletions: list[int] = ()) -> str:
    lines = []
    for doc in documents:
        lines.append(json.dumps({"index": {"_index": index, "_id": str(doc["page_id"])}}))
        lines.append(json.dumps(doc))
    for page_id in deletions:
        lines.append(json.dumps({"delete": {"_index": index, "_id": str(page_id)}}))
    return "\n".join(lines) + "\n"


def term_query(term: text.Term) -> dict:
    if term.is_phrase:
        return {"multi_match": {"query": term.text, "type": "phrase", "fields": FIELD_BOOSTS}}
    return {"multi_match": {"query": term.text, "type": "best_fields", "fields": FIELD_BOOSTS}}


def text_query(query: EngineQuery) -> dict:
    if not query.has_text:
        return {"match_all": {}}
    clauses = [term_query(term) for term in query.terms]
    if query.any_term:
        return {"bool": {"should": clauses, "minimum_should_match": 1}}
    return {"bool": {"must": clauses}}


def filter_clauses(query: EngineQuery, *, leave_out: str | None = None) -> list[dict]:
    return [
        {"terms": {facet: list(values)}} for facet, values in query.filters if facet != leave_out
    ]


def facet_aggregations(query: EngineQuery) -> dict:
    """Disjunctive facet counts: each facet counted over the text match filtered by every
    other facet's filter but not its own (the filters themselves go in post_filter, which
    narrows the hits but not the aggregations)."""
    chosen = {facet for facet, _values in query.filters}
    aggregations = {}
    for name in FACET_FIELDS:
        terms = {"terms": {"field": name, "size": FACET_SIZE}}
        others = filter_clauses(query, leave_out=name) if name in chosen else filter_clauses(query)
        if others:
            aggregations[name] = {"filter": {"bool": {"filter": others}}, "aggs": {name: terms}}
        else:
            aggregations[name] = terms
    return aggregations


def search_body(
    query: EngineQuery,
    *,
    sort: str,
    offset: int,
    limit: int,
    with_facets: bool = True,
    with_highlight: bool = True,
) -> dict:
    body = {
        "query": {"bool": {"must": [text_query(query)]}},
        "from": offset,
        "size": limit,
        "track_total_hits": True,
        "_source": HIT_SOURCE,
    }
    filters = filter_clauses(query)
    if with_facets:
        body["aggs"] = facet_aggregations(query)
        if filters:
            body["post_filter"] = {"bool": {"filter": filters}}
    else:
        # Nothing to count: filtering inside the query lets the engine skip non-matches early.
        body["query"]["bool"]["filter"] = filters
    if sort in SORTS or not query.has_text:
        body["sort"] = SORTS.get(sort, SORTS["newest"])
    else:
        body["sort"] = ["_score", {"page_id": "asc"}]
    if with_highlight and query.has_text:
        body["highlight"] = {
            "pre_tags": [text.MARK_START],
            "post_tags": [text.MARK_END],
            "fields": {
                "title": {"number_of_fragments": 0},
                "summary": {"number_of_fragments": 0},
                "body": {"fragment_size": 160, "number_of_fragments": 2},
            },
        }
    return body


def suggest_body(words: list[str], *, limit: int) -> dict:
    return {
        "query": {
            "multi_match": {
                "query": " ".join(words),
                "type": "bool_prefix",
                "operator": "and",
                "fields": ["title.suggest", "title.suggest._2gram", "title.suggest._3gram"],
            }
        },
        "size": limit,
        "_source": ["title", "url", "content_type_label"],
    }


def parse_search_response(data: dict) -> tuple[int, list[dict], list[tuple[str, str, int]]]:
    """(total, hits with highlights, (facet, value, count)) from a search response."""
    total = data.get("hits", {}).get("total", {})
    total = total.get("value", 0) if isinstance(total, dict) else int(total or 0)
    hits = []
    for hit in data.get("hits", {}).get("hits", []):
        source = dict(hit.get("_source", {}))
        highlight = hit.get("highlight", {})
        source["title_marked"] = "".join(highlight.get("title", []))
        source["summary_marked"] = "".join(highlight.get("summary", []))
        source["body_snippet"] = " … ".join(highlight.get("body", []))
        hits.append(source)
    counts = []
    for name, aggregation in data.get("aggregations", {}).items():
        # A facet filtered by the other facets nests its terms under a filter aggregation.
        aggregation = aggregation.get(name, aggregation)
        for bucket in aggregation.get("buckets", []):
            counts.append((name, str(bucket["key"]), int(bucket["doc_count"])))
    return total, hits, counts
