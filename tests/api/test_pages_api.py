"""The public pages API: every content type's fields, the filters, and search via the service."""

import pytest

from tests.api.conftest import restrict

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


# Pages the corpus adds around the main four; only public in `corpus` (not `restricted_corpus`).
EXTRA = {"Published title", "Business case under a private index"}


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def main_titles(response):
    return [title for title in titles(response) if title not in EXTRA]


def test_listing_without_type_is_every_content_type_with_shared_fields(client, corpus):
    response = client.get(PAGES)
    data = response.json()
    types = {item["meta"]["type"] for item in data["items"]}
    assert types == {
        "casestudies.CaseStudyPage",
        "casestudies.ProcurementBriefPage",
        "casestudies.BusinessCasePage",
        "patterns.ServicePatternPage",
    }
    item = next(i for i in data["items"] if i["title"] == "Online repairs booking")
    assert item["summary"] == "Tenants book repairs online instead of phoning."
    assert item["date"] == "2024-06-01"
    assert item["licence"] == {
        "code": "cc-by-4",
        "name": "Creative Commons Attribution 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert item["organisations"] == [
        {
            "code": "HCK",
            "name": "Hackney",
            "slug": "hackney",
            "html_url": "http://testserver/organisations/hackney/",
        }
    ]
    assert item["tags"] == [
        {"name": "repairs", "slug": "repairs"},
        {"name": "Self service", "slug": "self-service"},
    ]
    assert item["service_areas"] == [{"name": "Housing", "slug": "housing"}]
    assert item["reuse_count"] == 0
    assert item["meta"]["html_url"].endswith("/case-studies/online-repairs-booking/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json"


def test_listing_shows_reuse_counts(client, corpus):
    data = client.get(PAGES, {"type": "patterns.ServicePatternPage"}).json()
    assert [(i["title"], i["reuse_count"]) for i in data["items"]] == [
        ("Report a missed bin collection", 7)
    ]


def test_case_study_detail_has_its_structured_fields(client, corpus):
    data = client.get(f"{PAGES}{corpus['case_study'].pk}/").json()
    assert data["meta"]["type"] == "casestudies.CaseStudyPage"
    assert data["total_cost"] == 120000
    assert data["annual_saving"] == 45000
    assert data["partners"] == ["Acme Digital", "Open Council Ltd"]
    assert data["phase"] == "live"
    for field in (
        "problem",
        "approach",
        "outcomes",
        "lessons_learned",
        "body",
        "documents",
        "principles",
        "contact_name",
        "patterns_used",
        "related_business_cases",
    ):
        assert field in data
    # The draft brief it links to is left out; the published one is there.
    assert [page["title"] for page in data["related_briefs"]] == [
        "Buying a repairs booking service"
    ]


def test_brief_business_case_and_pattern_details(client, corpus):
    brief = client.get(f"{PAGES}{corpus['brief'].pk}/").json()
    assert brief["budget_min"] == 50000
    assert brief["essential_skills"] == ["User research", "Accessible design"]
    assert brief["evaluation_criteria"] == [
        {"criterion": "Technical", "weighting": 60},
        {"criterion": "Price", "weighting": 40},
    ]
    assert brief["status"] == "awarded"
    assert [page["title"] for page in brief["case_studies"]] == ["Online repairs booking"]

    business_case = client.get(f"{PAGES}{corpus['business_case'].pk}/").json()
    assert business_case["whole_life_cost"] == 300000
    assert business_case["options"][0]["name"] == "Do nothing"
    assert business_case["options"][0]["is_do_nothing"] is True
    assert "strategic_case" in business_case

    pattern = client.get(f"{PAGES}{corpus['pattern'].pk}/").json()
    assert pattern["maturity"] == "beta"
    assert pattern["reuse_count"] == 7
    for field in ("user_needs", "steps", "lgsl_services", "when_not_to_use"):
        assert field in pattern


def test_type_filter_allows_that_types_fields(client, corpus):
    response = client.get(
        PAGES, {"type": "casestudies.CaseStudyPage", "fields": "total_cost,partners"}
    )
    items = response.json()["items"]
    assert {item["meta"]["type"] for item in items} == {"casestudies.CaseStudyPage"}
    assert next(i for i in items if i["title"] == "Online repairs booking")["total_cost"] == 120000


def test_several_types_at_once(client, corpus):
    found = main_titles(
        client.get(PAGES, {"type": "casestudies.BusinessCasePage,patterns.ServicePatternPage"})
    )
    assert sorted(found) == ["Business case for shared waste app", "Report a missed bin collection"]


def test_every_public_page_with_wagtailcore_page_type(client, corpus):
    found = titles(client.get(PAGES, {"type": "wagtailcore.Page", "limit": 50}))
    assert "Case studies" in found  # an index page
    assert "Online repairs booking" in found


def test_unknown_type_or_field_is_a_400_with_a_message(client, corpus):
    response = client.get(PAGES, {"type": "casestudies.Nope"})
    assert response.status_code == 400
    assert response.json() == {"message": "type doesn't exist"}
    response = client.get(PAGES, {"fields": "not_a_field"})
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"tag": "repairs"}, ["Buying a repairs booking service", "Online repairs booking"]),
        (
            {"tag": "bins,self-service"},
            ["Online repairs booking", "Report a missed bin collection"],
        ),
        (
            {"service_area": "waste-and-recycling"},
            ["Business case for shared waste app", "Report a missed bin collection"],
        ),
        (
            {"organisation": "cardiff"},
            ["Business case for shared waste app", "Report a missed bin collection"],
        ),
        (
            {"organisation": "hackney", "type": "casestudies.CaseStudyPage"},
            ["Online repairs booking"],
        ),
        (
            {"nation": "Wales"},
            ["Business case for shared waste app", "Report a missed bin collection"],
        ),
        ({"tag": "no-such-tag"}, []),
    ],
)
def test_filters(client, corpus, params, expected):
    found = main_titles(client.get(PAGES, params))
    assert sorted(found) == expected


def test_ordering_and_pagination(client, corpus):
    response = client.get(PAGES, {"order": "-date", "limit": 2, "fields": "_,title,date"})
    data = response.json()
    assert data["meta"]["total_count"] >= 5
    assert [item["title"] for item in data["items"]][:1] == ["Online repairs booking"]
    assert len(data["items"]) == 2
    assert client.get(PAGES, {"limit": 51}).status_code == 400


def test_search_goes_through_the_search_service(client, corpus, monkeypatch):
    from search import services

    calls = []
    real = services.search_content

    def spy(**kwargs):
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(services, "search_content", spy)
    response = client.get(PAGES, {"search": "missed bin"})
    assert titles(response)[0] == "Report a missed bin collection"
    assert calls
    assert calls[0]["query"] == "missed bin"
    assert response.json()["meta"]["total_count"] >= 1


def test_search_with_filters_and_type(client, corpus):
    found = titles(client.get(PAGES, {"search": "repairs", "type": "casestudies.CaseStudyPage"}))
    assert found == ["Online repairs booking"]
    assert titles(client.get(PAGES, {"search": "repairs", "organisation": "cardiff"})) == []
    found = main_titles(client.get(PAGES, {"search": "repairs", "tag": "repairs"}))
    assert sorted(found) == ["Buying a repairs booking service", "Online repairs booking"]


def test_search_pages_through_results(client, corpus):
    every = titles(client.get(PAGES, {"search": "repairs", "order": "title"}))
    assert len(every) >= 2
    second = titles(
        client.get(PAGES, {"search": "repairs", "order": "title", "offset": 1, "limit": 1})
    )
    assert second == every[1:2]


def test_search_refuses_what_the_service_cannot_answer(client, corpus):
    response = client.get(
        PAGES, {"search": "repairs", "child_of": corpus["case_study"].get_parent().pk}
    )
    assert response.status_code == 400
    assert "child_of" in response.json()["message"]
    assert client.get(PAGES, {"search": "repairs", "order": "slug"}).status_code == 400


def test_find_by_path_redirects_to_the_detail(client, corpus):
    response = client.get(f"{PAGES}find/", {"html_path": corpus["case_study"].url})
    assert response.status_code == 302
    assert f"{PAGES}{corpus['case_study'].pk}/" in response["Location"]


@pytest.mark.parametrize("endpoint", [PAGES, "/api/v2/documents/"])
@pytest.mark.parametrize(
    "wanted", ["null", "true", "4.5", "-1", "1e3", "9" * 19, "\U000abad8M", ""]
)
def test_find_by_an_id_that_is_not_a_number_is_a_400_with_a_message(
    client, corpus, endpoint, wanted
):
    response = client.get(f"{endpoint}find/", {"id": wanted})
    assert response.status_code == 400
    assert response.json() == {"message": "id must be a whole number, like ?id=42"}


def test_find_by_id_redirects_to_the_detail_or_says_not_found(client, corpus):
    response = client.get(f"{PAGES}find/", {"id": corpus["case_study"].pk})
    assert response.status_code == 302
    assert f"{PAGES}{corpus['case_study'].pk}/" in response["Location"]
    assert client.get(f"{PAGES}find/", {"id": "999999999"}).status_code == 404


@pytest.mark.parametrize("endpoint", [PAGES, "/api/v2/documents/"])
def test_an_offset_past_the_end_is_an_empty_page_however_large(client, corpus, endpoint):
    """Thirty digits reached SQLite as an integer it cannot hold: a 500 (found by fuzzing)."""
    total = client.get(endpoint).json()["meta"]["total_count"]
    for offset in [total, total + 1, 2**63, 176289785581239707155008847872]:
        response = client.get(endpoint, {"offset": offset})
        assert response.status_code == 200, offset
        assert response.json() == {"meta": {"total_count": total}, "items": []}
    assert client.get(endpoint, {"offset": "1" * 5000}).status_code == 400


@pytest.mark.parametrize("path", ["/api/v2/pages/abc/", "/api/v2/pages/1,2/", "/api/v2/nothing/"])
def test_an_unknown_api_address_is_a_json_404(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"message": "not found"}


def test_api_is_anonymous_even_for_a_signed_in_editor(client, corpus, superuser):
    client.force_login(superuser)
    found = titles(client.get(PAGES, {"type": "casestudies.CaseStudyPage"}))
    assert "Private case study" not in found
    assert "Draft case study never published" not in found


def test_password_for_a_private_page_does_not_open_it_in_the_api(client, corpus):
    restriction = corpus["private"].get_view_restrictions().first()
    session = client.session
    session["wagtail-page-passwords"] = [restriction.id]  # hypothetical passed-password state
    session.save()
    assert client.get(f"{PAGES}{corpus['private'].pk}/").status_code == 404


def test_listing_query_count_does_not_grow_with_length(
    client, corpus, make_page, django_assert_max_num_queries
):
    from casestudies.models import CaseStudyPage

    client.get(PAGES)  # warm caches (content types, site)
    with django_assert_max_num_queries(20):
        client.get(PAGES)
    for number in range(6):
        make_page(
            CaseStudyPage,
            title=f"More work {number}",
            tags=["repairs"],
            organisations=[corpus["organisation"]],
        )
    with django_assert_max_num_queries(20):
        client.get(PAGES)


def test_restricting_a_page_hides_it_straight_away(client, corpus):
    restrict(corpus["case_study"])
    assert client.get(f"{PAGES}{corpus['case_study'].pk}/").status_code == 404
