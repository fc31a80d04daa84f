"""The search page, autocomplete, promotions and the editors' report, through the test client."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from search.models import ZeroResultQuery

pytestmark = pytest.mark.django_db


def test_search_page_shows_results_facets_and_keeps_filters_in_the_url(client, corpus):
    response = client.get("/search/", {"q": "repairs", "service_area": "housing"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 results" in html
    assert "<mark>repairs</mark>" in html
    assert 'name="service_area" type="checkbox" value="housing" checked' in html
    assert 'name="type" type="checkbox" value="case-study"' in html
    assert 'Remove<span class="govuk-visually-hidden"> service area filter</span>: Housing' in html
    assert corpus["title"].url in html


def test_phone_readers_can_skip_the_filters_to_the_results(client, corpus):
    response = client.get("/search/", {"q": "repairs"})
    html = response.content.decode()
    total = response.context["results"].total
    assert f'<a class="govuk-link" href="#results">Skip to the {total} results</a>' in html
    assert 'id="results" tabindex="-1"' in html
    assert html.index('href="#results"') < html.index('name="type"') < html.index('id="results"')


def test_search_page_without_a_query_lists_everything_newest_first(client, corpus):
    response = client.get("/search/")
    assert response.status_code == 200
    assert response.context["results"].total == 4
    assert response.context["results"].hits[0].page_id == corpus["bins"].pk


def test_no_results_says_so_and_offers_ways_out(client, corpus):
    response = client.get("/search/", {"q": "zeppelins", "tag": "waste"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "No results found" in html
    assert "removing filters" in html
    assert ZeroResultQuery.objects.get(query_string="zeppelins").hits == 1
    assert ">Filter</h2>" in html  # the chosen filter stays removable


def test_no_results_and_nothing_to_filter_shows_no_empty_filter_panel(client, corpus):
    html = client.get("/search/", {"q": "zeppelins"}).content.decode()
    assert "No results found" in html
    assert ">Filter</h2>" not in html
    assert "Apply filters" not in html


def test_searches_answered_from_the_page_cache_are_counted_too(client, corpus, settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    served = [client.get("/search/", {"q": "zeppelins"})["X-Page-Cache"] for _ in range(3)]

    assert served == ["miss", "hit", "hit"]
    assert Query.objects.get(query_string="zeppelins").hits == 3
    assert ZeroResultQuery.objects.get(query_string="zeppelins").hits == 3


def test_searches_are_counted_for_editors(client, corpus):
    client.get("/search/", {"q": "Repairs"})
    client.get("/search/", {"q": "repairs"})
    assert Query.objects.get(query_string="repairs").hits == 2
    client.get("/search/", {"q": "repairs", "page": "2"})
    assert Query.objects.get(query_string="repairs").hits == 2


def test_promoted_pages_appear_above_results(client, corpus):
    query = Query.get("bins")
    SearchPromotion.objects.create(
        query=query, page=corpus["bins"], description="The pattern", sort_order=0
    )
    SearchPromotion.objects.create(query=query, page=corpus["title"], sort_order=1)
    corpus["title"].unpublish()
    response = client.get("/search/", {"q": "bins"})
    assert [p["title"] for p in response.context["promotions"]] == [corpus["bins"].title]
    assert "Recommended" in response.content.decode()


def test_pagination_links_keep_the_query(client, make_page, site_tree):
    from casestudies.models import CaseStudyPage

    for number in range(25):
        make_page(CaseStudyPage, title=f"Parking permit study {number}", summary="Parking")
    response = client.get("/search/", {"q": "parking", "tag": ""})
    html = response.content.decode()
    assert response.context["listing_page"].paginator.num_pages == 2
    assert "govuk-pagination" in html
    assert "q=parking" in html
    assert "page=2" in html


def test_suggest_returns_matching_titles_as_json(client, corpus):
    response = client.get("/search/suggest/", {"q": "Housing rep"})
    assert response.status_code == 200
    assert response.json()["results"][0]["title"] == corpus["title"].title
    assert client.get("/search/suggest/", {"q": '"\x00'}).json()["results"] == []


def test_an_absurdly_long_query_gets_a_clear_400(client, corpus):
    response = client.get("/search/", {"q": "x" * 5000})
    assert response.status_code == 400
    assert "too long" in response.content.decode()


def test_a_long_query_is_shortened_with_a_message(client, corpus):
    response = client.get("/search/", {"q": "repairs " * 40})
    assert response.status_code == 200
    assert "only the first 200 characters" in response.content.decode()


def test_search_boxes_offer_suggestions_from_the_suggest_endpoint(client, corpus):
    # js/app.js (a file: the Content-Security-Policy forbids inline scripts) enhances every
    # box that names the endpoint; tests/browser/test_journeys.py drives it in Chromium.
    for path in ("/search/", "/"):
        html = client.get(path).content.decode()
        assert 'data-suggest-url="/search/suggest/"' in html
        assert '<script type="module" src="/static/js/app.js' in html


def test_editors_see_frequent_and_zero_result_queries(client, corpus, superuser):
    client.get("/search/", {"q": "repairs"})
    client.get("/search/", {"q": "quantum ledger"})
    client.force_login(superuser)
    response = client.get("/admin/reports/search-terms/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "repairs" in html
    assert "quantum ledger" in html


def test_the_report_is_refused_without_permission(client, db, django_user_model):
    from django.contrib.auth.models import Group, Permission

    # Editors and Moderators may read it (search/migrations/0006); staff with bare admin
    # access may not.
    admin_only = Group.objects.create(name="Admin access only")
    admin_only.permissions.add(Permission.objects.get(codename="access_admin"))
    viewer = django_user_model.objects.create_user("viewer", "viewer@example.org", "a-long-pass")
    viewer.groups.add(admin_only)
    client.force_login(viewer)
    assert client.get("/admin/reports/search-terms/").status_code in (302, 403)


def test_editors_read_the_search_terms_report_and_see_it_in_the_menu(client, corpus, editor):
    client.get("/search/", {"q": "quantum ledger"})
    client.force_login(editor)
    response = client.get("/admin/reports/search-terms/")
    assert response.status_code == 200
    assert "quantum ledger" in response.content.decode()
    home = client.get("/admin/").content.decode()
    assert "/admin/reports/search-terms/" in home
    assert "/admin/searchpicks/" in home


def test_no_results_offers_a_near_match_as_a_link(client, corpus):
    html = client.get("/search/", {"q": "housng repiars"}).content.decode()
    assert "0 results" in html
    assert (
        'Did you mean <a class="govuk-link" href="?q=housing%20repairs">housing repairs</a>?'
        in html
    )
