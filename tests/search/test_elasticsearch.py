"""Elasticsearch: the exact request bodies, offline; and the live engine when SEARCH_URL is set."""

import datetime
import json

from django.conf import settings

import pytest

from search.backends import EngineQuery, es_queries
from search.models import SearchDocument
from search.text import parse_query


def engine_query(raw: str, **kwargs) -> EngineQuery:
    return EngineQuery(terms=parse_query(raw).terms, **kwargs)


def test_mapping_uses_english_analysis_and_keyword_facets():
    body = es_queries.index_body()
    properties = body["mappings"]["properties"]
    assert body["mappings"]["dynamic"] == "strict"
    for field in ("title", "summary", "body", "meta"):
        assert properties[field] == {**properties[field], "type": "text", "analyzer": "english"}
    for facet in ("type", "service_area", "tag", "organisation", "nation", "region", "year"):
        assert properties[facet] == {"type": "keyword"}
    assert properties["title"]["fields"]["suggest"]["type"] == "search_as_you_type"
    assert properties["organisations"] == {"type": "object", "enabled": False}
    assert body["settings"]["max_result_window"] == 10_000


def test_search_body_boosts_title_over_summary_over_body_and_requires_every_term():
    body = es_queries.search_body(
        engine_query('housing "repairs service"'), sort="relevance", offset=20, limit=10
    )
    must = body["query"]["bool"]["must"][0]["bool"]["must"]
    assert must == [
        {
            "multi_match": {
                "query": "repairs service",
                "type": "phrase",
                "fields": ["title^10", "summary^4", "meta^3", "body"],
            }
        },
        {
            "multi_match": {
                "query": "housing",
                "type": "best_fields",
                "fields": ["title^10", "summary^4", "meta^3", "body"],
            }
        },
    ]
    assert (body["from"], body["size"], body["track_total_hits"]) == (20, 10, True)
    assert body["sort"] == ["_score", {"page_id": "asc"}]


def test_any_term_mode_is_a_should_with_one_required():
    body = es_queries.search_body(
        engine_query("bins repairs", any_term=True), sort="relevance", offset=0, limit=10
    )
    inner = body["query"]["bool"]["must"][0]["bool"]
    assert inner["minimum_should_match"] == 1
    assert len(inner["should"]) == 2


def test_filters_are_a_post_filter_and_each_facet_is_counted_without_its_own_filter():
    query = engine_query(
        "repairs", filters=(("type", ("case-study", "business-case")), ("nation", ("Wales",)))
    )
    type_filter = {"terms": {"type": ["case-study", "business-case"]}}
    nation_filter = {"terms": {"nation": ["Wales"]}}
    body = es_queries.search_body(query, sort="newest", offset=0, limit=20)
    # The query is the text alone, so the aggregations see the whole text match...
    assert "filter" not in body["query"]["bool"]
    # ...and the hits (and total) are narrowed by every filter afterwards.
    assert body["post_filter"] == {"bool": {"filter": [type_filter, nation_filter]}}
    terms = {name: {"terms": {"field": name, "size": 1000}} for name in es_queries.FACET_FIELDS}
    assert body["aggs"]["type"] == {
        "filter": {"bool": {"filter": [nation_filter]}},
        "aggs": {"type": terms["type"]},
    }
    assert body["aggs"]["nation"] == {
        "filter": {"bool": {"filter": [type_filter]}},
        "aggs": {"nation": terms["nation"]},
    }
    assert body["aggs"]["tag"] == {
        "filter": {"bool": {"filter": [type_filter, nation_filter]}},
        "aggs": {"tag": terms["tag"]},
    }
    assert set(body["aggs"]) == set(es_queries.FACET_FIELDS)
    assert body["sort"] == [{"date": "desc"}, {"page_id": "desc"}]


def test_unfiltered_facets_are_plain_terms_aggregations_of_every_bucket():
    body = es_queries.search_body(engine_query("repairs"), sort="relevance", offset=0, limit=20)
    assert "post_filter" not in body
    assert body["aggs"]["tag"] == {"terms": {"field": "tag", "size": 1000}}


def test_a_hits_only_request_filters_inside_the_query():
    query = engine_query("repairs", filters=(("nation", ("Wales",)),))
    body = es_queries.search_body(query, sort="relevance", offset=0, limit=20, with_facets=False)
    assert body["query"]["bool"]["filter"] == [{"terms": {"nation": ["Wales"]}}]
    assert "post_filter" not in body
    assert "aggs" not in body


def test_highlight_uses_private_markers_that_the_service_escapes():
    body = es_queries.search_body(engine_query("repairs"), sort="relevance", offset=0, limit=10)
    assert body["highlight"]["pre_tags"] == ["\x02"]
    assert body["highlight"]["post_tags"] == ["\x03"]
    assert body["highlight"]["fields"]["title"] == {"number_of_fragments": 0}
    browse = es_queries.search_body(EngineQuery(), sort="relevance", offset=0, limit=10)
    assert "highlight" not in browse
    assert browse["query"]["bool"]["must"] == [{"match_all": {}}]


def test_user_syntax_never_reaches_elasticsearch_as_syntax():
    body = es_queries.search_body(
        engine_query('title:foo AND (bar* OR "baz'), sort="relevance", offset=0, limit=10
    )
    queries = [c["multi_match"]["query"] for c in body["query"]["bool"]["must"][0]["bool"]["must"]]
    assert queries == ["title", "foo", "bar", "baz"]
    assert "query_string" not in json.dumps(body)


def test_suggest_body_is_a_bool_prefix_over_title_shingles():
    body = es_queries.suggest_body(["housing", "rep"], limit=8)
    assert body["query"]["multi_match"]["type"] == "bool_prefix"
    assert body["query"]["multi_match"]["query"] == "housing rep"
    assert body["size"] == 8


def test_documents_and_bulk_lines():
    document = SearchDocument(
        page_id=7,
        content_type="case-study",
        content_type_label="Case study",
        title="T",
        summary="S",
        body="B",
        meta="M",
        url="/t/",
        date=datetime.date(2024, 1, 2),
        year=2024,
        organisations=[{"name": "Leeds", "slug": "leeds"}],
        tags=[],
    )
    body = es_queries.document_body(document, [("tag", "b"), ("tag", "a"), ("year", "2024")])
    assert body["tag"] == ["a", "b"]
    assert body["year"] == ["2024"]
    assert body["nation"] == []
    assert body["date"] == "2024-01-02"
    lines = es_queries.bulk_lines("ld_content", [body], deletions=[9]).splitlines()
    assert json.loads(lines[0]) == {"index": {"_index": "ld_content", "_id": "7"}}
    assert json.loads(lines[2]) == {"delete": {"_index": "ld_content", "_id": "9"}}


def test_parse_search_response():
    total, hits, counts = es_queries.parse_search_response(
        {
            "hits": {
                "total": {"value": 2, "relation": "eq"},
                "hits": [
                    {
                        "_source": {"page_id": 1, "title": "A"},
                        "highlight": {"body": ["x \x02y\x03", "z"]},
                    },
                ],
            },
            "aggregations": {
                "type": {"buckets": [{"key": "case-study", "doc_count": 2}]},
                "nation": {
                    "doc_count": 3,
                    "nation": {"buckets": [{"key": "Wales", "doc_count": 1}]},
                },
            },
        }
    )
    assert total == 2
    assert hits[0]["body_snippet"] == "x \x02y\x03 … z"
    assert counts == [("type", "case-study", 2), ("nation", "Wales", 1)]


@pytest.mark.elasticsearch
def test_elasticsearch_is_reachable_when_configured():
    if not settings.SEARCH_URL:
        pytest.skip("SEARCH_URL is not set")
    from search.backends import get_backend

    # Fails (not skips) when SEARCH_URL is set but the engine cannot be reached.
    assert "version" in get_backend().ping()
