"""The backend contract: every engine gives the same kind of answer to the same request.

Runs on SQLite FTS5 by default, on PostgreSQL with DATABASE_URL, on Elasticsearch with
SEARCH_URL (see conftest.py). Pages are built under the real site tree and published the way
an editor would; the index is kept by the signal handlers, never by mocks.
"""

from django.contrib.auth.models import Group
from django.db import connection

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import CaseStudyPage
from core.models import StandardPage
from search import indexing, schema, services
from search.backends import base as backends_base
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


def search(query="", **kwargs):
    filters = services.SearchFilters(**kwargs.pop("filters", {}))
    return services.search_content(query=query, filters=filters, **kwargs)


def titles(results):
    return [hit.title for hit in results.hits]


def facet(results, name):
    return {
        option.value: option.count for f in results.facets if f.name == name for option in f.options
    }


def test_title_match_beats_summary_match_beats_body_match(corpus):
    results = search("repairs")
    assert titles(results) == [
        corpus["title"].title,
        corpus["summary"].title,
        corpus["body"].title,
    ]
    assert results.total == 3


def parking_pages(make_page, body_text):
    """24 pages that mention parking only in the body, one in the title, one in the summary."""
    body = [("paragraph", f"<p>{body_text}</p>")]
    body_only = {
        make_page(CaseStudyPage, title=f"Study {n}", summary="What we did.", body=body).pk
        for n in range(24)
    }
    title = make_page(CaseStudyPage, title="Parking permits for residents", summary="How to apply.")
    summary = make_page(CaseStudyPage, title="Residents' cars", summary="Parking permits online.")
    return title, summary, body_only


def test_a_title_match_outranks_many_body_matches_of_a_common_word(make_page, site_tree):
    title, summary, body_only = parking_pages(
        make_page, "Residents asked about parking permits near the school."
    )
    first = search("parking", page_size=10)
    assert first.total == 26
    assert titles(first)[:2] == [title.title, summary.title]
    # Every match is listed once across the pages, the body-only ones after the others.
    seen = [
        hit.page_id for page in (1, 2, 3) for hit in search("parking", page_size=10, page=page).hits
    ]
    assert seen[:2] == [title.pk, summary.pk]
    assert set(seen[2:]) == body_only
    assert len(seen) == 26


def test_title_and_summary_matches_rank_before_bodies_that_repeat_the_words(
    make_page, site_tree, engine
):
    # Raw bm25 (FTS5) and ts_rank both let a body that repeats the words often enough outscore
    # an exact title match: bm25 applies the column weights before saturating the term
    # frequency, and ts_rank scores 30 nearby pairs above one. The database engines rank
    # pages that match in the title, summary or meta first, then body-only ones.
    if engine == "elasticsearch":
        pytest.skip("Elasticsearch ranks by its own BM25 with field boosts (docs/search.md)")
    title, summary, body_only = parking_pages(make_page, "Parking permits and fines. " * 90)
    for query in ("parking", "parking permits", '"parking permits"'):
        results = search(query, page_size=10)
        assert results.total == 26
        assert titles(results)[:2] == [title.title, summary.title], query
        # Paging past the title and summary matches continues with the body-only ones.
        rest = {
            hit.page_id for page in (2, 3) for hit in search(query, page_size=10, page=page).hits
        }
        assert rest == body_only - {hit.page_id for hit in results.hits}, query


def test_stemming_finds_other_forms_of_a_word(corpus):
    assert corpus["title"].title in titles(search("repair"))
    assert corpus["bins"].title in titles(search("reported"))


def test_phrase_search_needs_the_words_together_and_in_order(corpus):
    assert titles(search('"missed bin"')) == [corpus["bins"].title]
    assert search('"bin missed"').total == 0 or search('"bin missed"').match_mode == "any"


def test_tags_organisations_and_service_areas_are_searchable(corpus):
    assert corpus["summary"].title in titles(search("procurement"))  # a tag
    assert titles(search("cardiff")) == [corpus["summary"].title]  # an organisation
    assert corpus["bins"].title in titles(search("recycling"))  # a service area


def test_all_words_must_match_and_stopwords_are_ignored(corpus):
    results = search("who has done housing repairs online?")
    assert titles(results) == [corpus["title"].title]
    assert results.match_mode == "all"


def test_no_page_with_every_word_widens_to_any_word(corpus):
    results = search("repairs bins")
    assert results.match_mode == "any"
    assert results.total >= 2


def test_filters_are_or_within_a_facet_and_and_across_facets(corpus):
    assert set(titles(search(filters={"type": ("case-study", "service-pattern")}))) == {
        corpus["title"].title,
        corpus["bins"].title,
    }
    both = search(filters={"service_area": ("waste-and-recycling",), "organisation": ("hackney",)})
    assert titles(both) == [corpus["bins"].title]
    assert search("repairs", filters={"nation": ("Wales",)}).total == 1
    assert search("repairs", filters={"year": ("2022",)}).total == 1


def test_unknown_filter_values_match_nothing(corpus):
    results = search(filters={"tag": ("no-such-tag",)})
    assert results.total == 0
    tags = {
        o.value: (o.count, o.selected) for f in results.facets if f.name == "tag" for o in f.options
    }
    assert tags["no-such-tag"] == (0, True)
    # Other tags keep their counts (OR within a facet), so the reader can pick a real one.
    assert tags["housing"] == (1, False)
    assert facet(results, "type") == {}


def test_facet_counts_come_from_the_whole_match_set(corpus):
    results = search("repairs", page_size=1)
    assert len(results.hits) == 1
    assert facet(results, "type") == {"case-study": 1, "procurement-brief": 1, "business-case": 1}
    assert facet(results, "service_area") == {"housing": 2, "waste-and-recycling": 1}
    assert facet(results, "nation") == {"England": 2, "Wales": 1}
    assert facet(results, "year") == {"2024": 1, "2023": 1, "2022": 1}
    assert facet(search(""), "organisation") == {"hackney": 2, "cardiff": 1, "leeds": 2}


def test_facet_counts_follow_the_filters(corpus):
    results = search(filters={"organisation": ("leeds",)})
    assert facet(results, "type") == {"business-case": 1, "service-pattern": 1}
    labels = {
        o.value: o.label for f in results.facets if f.name == "service_area" for o in f.options
    }
    assert labels == {"waste-and-recycling": "Waste and recycling"}


def test_a_chosen_facet_value_leaves_the_other_values_of_that_facet_counted(corpus):
    """Disjunctive facets: ticking Leeds must not hide Hackney and Cardiff, so a reader can
    add a second organisation (OR within a facet)."""
    results = search(filters={"organisation": ("leeds",)})
    assert results.total == 2
    assert facet(results, "organisation") == {"hackney": 2, "cardiff": 1, "leeds": 2}
    both = search(filters={"organisation": ("leeds", "cardiff")})
    assert both.total == 3
    assert facet(both, "organisation") == {"hackney": 2, "cardiff": 1, "leeds": 2}


def test_facet_counts_apply_every_other_facet_but_not_their_own(corpus):
    # "repairs" matches the title page (housing, England), the summary page (housing, Wales)
    # and the body page (waste, England).
    results = search("repairs", filters={"service_area": ("housing",), "nation": ("Wales",)})
    assert titles(results) == [corpus["summary"].title]
    assert facet(results, "service_area") == {"housing": 1}  # filtered by nation only
    assert facet(results, "nation") == {"England": 1, "Wales": 1}  # by service area only
    assert facet(results, "type") == {"procurement-brief": 1}  # by both
    assert facet(results, "year") == {"2023": 1}


def test_few_matches_are_counted_as_many_are(corpus, monkeypatch):
    # Up to SMALL_MATCH_SET matches the database engines count facets page by page, above
    # it with bitsets; both must give the same totals, hits and disjunctive counts.
    requests = [
        ("repairs", {}),
        ("repairs", {"service_area": ("housing",), "nation": ("Wales",)}),
        ("repairs", {"organisation": ("leeds", "cardiff"), "year": ("2022", "2023")}),
        ("repairs", {"tag": ("no-such-tag",)}),
        ("bin", {"type": ("service-pattern",)}),
    ]

    def answers():
        return [
            (
                results.total,
                titles(results),
                [
                    (f.name, [(o.value, o.count, o.selected) for o in f.options])
                    for f in results.facets
                ],
            )
            for results in (search(query, filters=filters) for query, filters in requests)
        ]

    page_by_page = answers()
    monkeypatch.setattr(backends_base, "SMALL_MATCH_SET", 0)
    assert answers() == page_by_page
    assert page_by_page[1][:2] == (1, [corpus["summary"].title])


def test_filters_keep_relevance_order_and_sorts(corpus):
    england = search("repairs", filters={"nation": ("England",)})
    assert titles(england) == [corpus["title"].title, corpus["body"].title]
    assert titles(search("repairs", sort="title")) == sorted(
        [corpus["title"].title, corpus["summary"].title, corpus["body"].title]
    )
    assert titles(search("repairs", sort="oldest")) == [
        corpus["body"].title,
        corpus["summary"].title,
        corpus["title"].title,
    ]


def test_newest_sort_orders_by_date(corpus):
    results = search("repairs", sort="newest")
    assert titles(results) == [corpus["title"].title, corpus["summary"].title, corpus["body"].title]
    assert titles(search(""))[0] == corpus["bins"].title


def test_pagination_visits_every_hit_once(make_page, site_tree):
    for number in range(23):
        make_page(CaseStudyPage, title=f"Parking permit study {number}", summary="Parking permits")
    seen = []
    first = search("parking", page_size=10)
    assert (first.total, first.num_pages) == (23, 3)
    for page in (1, 2, 3):
        seen += [hit.page_id for hit in search("parking", page_size=10, page=page).hits]
    assert len(seen) == len(set(seen)) == 23
    newest = []
    for page in (1, 2, 3):
        newest += [
            hit.page_id for hit in search("parking", sort="newest", page_size=10, page=page).hits
        ]
    assert sorted(newest) == sorted(seen)
    beyond = search("parking", page_size=10, page=99)
    assert beyond.page == 3
    assert len(beyond.hits) == 3


def test_snippets_mark_the_matched_words_and_escape_everything_else(make_page, site_tree):
    make_page(
        CaseStudyPage,
        title="Garden waste <b>subscriptions</b>",
        summary="Residents <script>alert(1)</script> pay for garden waste collections online.",
    )
    hit = search("garden collections").hits[0]
    assert "<mark>garden</mark>" in hit.snippet_html.lower()
    assert "<mark>collections</mark>" in hit.snippet_html
    assert "<script>" not in hit.snippet_html
    assert "&lt;script&gt;" in hit.snippet_html
    assert "<b>" not in hit.title_html
    assert "&lt;b&gt;" in hit.title_html


def test_body_matches_get_a_body_snippet(corpus):
    hit = next(h for h in search("benefits").hits if h.page_id == corpus["body"].pk)
    assert "<mark>benefits</mark>" in hit.snippet_html


def test_draft_case_study_never_appears_in_search(make_page, site_tree):
    make_page(CaseStudyPage, title="Secret draft about drones", publish=False)
    assert search("drones").total == 0
    assert not SearchDocument.objects.filter(title__icontains="drones").exists()


def test_unpublished_page_leaves_the_index(corpus):
    corpus["bins"].unpublish()
    assert corpus["bins"].title not in titles(search("bin"))


def test_expired_page_leaves_the_index(corpus):
    corpus["bins"].unpublish(set_expired=True)
    assert search('"missed bin"').total == 0


def test_draft_changes_to_a_live_page_stay_out_until_published(corpus):
    page = CaseStudyPage.objects.get(pk=corpus["title"].pk)
    page.title = "Completely different zeppelin title"
    revision = page.save_revision()
    assert search("zeppelin").total == 0
    revision.publish()
    assert titles(search("zeppelin")) == ["Completely different zeppelin title"]
    assert search('"housing repairs reporting"').total == 0


def test_deleted_page_leaves_the_index(corpus):
    page_id = corpus["bins"].pk
    corpus["bins"].delete()
    assert search("bin").total == 0
    assert not SearchDocument.objects.filter(pk=page_id).exists()


def test_deleting_a_parent_removes_its_children(corpus, site_tree):
    site_tree["case-studies"].delete()
    assert corpus["title"].title not in titles(search("repairs"))


def test_moving_a_page_updates_its_url(corpus, site_tree):
    corpus["title"].move(site_tree["about"], pos="last-child")
    hit = search('"housing repairs"').hits[0]
    assert hit.url == "/about/housing-repairs-reporting-online/"


@pytest.mark.parametrize("restriction", ["password", "login", "groups"])
def test_private_pages_and_their_children_never_appear(corpus, site_tree, restriction):
    index_page = site_tree["case-studies"]
    view_restriction = PageViewRestriction.objects.create(
        page=index_page, restriction_type=restriction, password="s3cret-password"
    )
    if restriction == "groups":
        view_restriction.groups.add(Group.objects.get(name="Editors"))
    assert corpus["title"].title not in titles(search("repairs"))
    assert search(filters={"type": ("case-study",)}).total == 0
    assert (
        search("housing").total == search("housing", filters={"type": ("procurement-brief",)}).total
    )
    assert services.suggest_titles("housing rep") == []

    view_restriction.delete()
    assert corpus["title"].title in titles(search("repairs"))


def test_a_restriction_on_the_page_itself_hides_it(corpus):
    PageViewRestriction.objects.create(page=corpus["bins"], restriction_type="login")
    assert search('"missed bin"').total == 0


def test_moving_a_page_under_a_private_page_hides_it(corpus, site_tree):
    PageViewRestriction.objects.create(page=site_tree["privacy"], restriction_type="login")
    corpus["bins"].move(site_tree["privacy"], pos="last-child")
    assert search('"missed bin"').total == 0


def test_standard_pages_are_not_content(site_tree):
    assert StandardPage.objects.exists()
    assert search("accessibility").total == 0


def test_renaming_an_organisation_updates_its_pages(corpus, orgs):
    orgs["cardiff"].name = "Caerdydd"
    orgs["cardiff"].save()
    results = search("caerdydd")
    assert titles(results) == [corpus["summary"].title]
    assert results.hits[0].organisations == [{"name": "Caerdydd", "slug": "cardiff"}]


def test_rebuild_gives_the_same_index_as_publishing(corpus):
    def snapshot():
        return sorted(
            SearchDocument.objects.values_list("page_id", "title", "summary", "body", "meta", "url")
        )

    before = snapshot()
    before_facets = facet(search(""), "tag")
    SearchDocument.objects.all().delete()
    assert search("repairs").total == 0
    assert indexing.rebuild_index() == 4
    assert snapshot() == before
    assert facet(search(""), "tag") == before_facets
    assert titles(search("repairs"))[0] == corpus["title"].title


def test_autocomplete_matches_title_prefixes(corpus):
    assert services.suggest_titles("housing rep") == [
        {
            "title": "Housing repairs reporting online",
            "url": corpus["title"].url,
            "type": "Case study",
        }
    ]
    assert [s["title"] for s in services.suggest_titles("miss")] == [corpus["bins"].title]
    assert services.suggest_titles("m") == []
    assert services.suggest_titles('"*)(') == []


def test_misspelt_words_get_a_suggestion(corpus):
    results = search("housng repiars")
    assert results.total == 0 or results.suggestions
    assert "housing repairs" in results.suggestions


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        '"unbalanced',
        "AND",
        "OR NOT",
        "NEAR(a b)",
        "*",
        "repairs*",
        "title:repairs",
        "(",
        ")",
        "a OR",
        "^repairs",
        "-repairs",
        "repairs -",
        "\x00",
        "\x00repairs\x00",
        " \t\n ",
        "'; DROP TABLE search_searchdocument; --",
        "<script>alert(1)</script>",
        "😀 repairs 😀",
        "\u202erepairs\u202c",
        "مرحبا",
        "!@#$%^&*()_+{}|:<>?",
        "a" * 5000,
        "repairs " * 100,
        "x:*",
        "foo & bar | !baz",
        "foo <-> bar",
        "{col}: x",
        "\\",
        "%",
        "_",
    ],
)
def test_any_query_is_answered(corpus, query):
    results = search(query)
    assert results.total >= 0
    if "repairs" in query and len(query) < 300:
        assert results.total >= 1


def test_rebuild_leaves_the_engine_structures_in_place(corpus, engine):
    indexing.rebuild_index()
    with connection.cursor() as cursor:
        if engine == "postgresql":
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'search_searchdocument'"
            )
            assert {"search_doc_vector_gin", "search_doc_title_gin"} <= {
                row[0] for row in cursor.fetchall()
            }
        elif engine == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            assert set(schema.SQLITE_TRIGGER_NAMES) <= {row[0] for row in cursor.fetchall()}
    # And publishing after a rebuild still reaches the index.
    corpus["bins"].title = "Report a missed bin collection quickly"
    corpus["bins"].save_revision().publish()
    assert titles(search("quickly")) == ["Report a missed bin collection quickly"]
