"""Listings are searches without query text: their cards, counts and order come from the search
index, so they must follow every change to the content exactly as the search page does."""

import re

from wagtail.models import PageViewRestriction

from casestudies.models import CaseStudyPage, ProcurementBriefPage
from community.engagement import services as engagement_services
from patterns.models import ServicePatternPage
from tests.community.conftest import make_member
from tests.factories import OrganisationFactory, ServiceAreaFactory


def _option_count(html: str, param: str, value: str) -> int | None:
    """The count shown beside one filter checkbox, or None when the option is not offered."""
    match = re.search(
        rf'name="{param}" type="checkbox" value="{re.escape(value)}"[^>]*>\s*'
        r'<label[^>]*>[^<]*<span class="govuk-hint[^"]*">\((\d+)\)</span>',
        html,
    )
    return int(match.group(1)) if match else None


def _titles(html: str) -> list[str]:
    return re.findall(
        r'class="ld-card__title"><a class="govuk-link" href="[^"]+">([^<]+)</a>', html
    )


def test_filter_options_show_counts_of_public_pages_only(client, site_tree, make_page):
    leeds = OrganisationFactory(code="LDS", slug="leeds", name="Leeds", nation="England")
    housing = ServiceAreaFactory(name="Housing", slug="housing")
    for number in range(3):
        make_page(
            CaseStudyPage,
            title=f"Leeds study {number}",
            organisations=[leeds],
            service_areas=[housing],
        )
    make_page(CaseStudyPage, title="Leeds draft", organisations=[leeds], publish=False)
    private = make_page(CaseStudyPage, title="Leeds private", organisations=[leeds])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret-words"
    )

    html = client.get(site_tree["case-studies"].url).content.decode()

    assert _option_count(html, "organisation", "leeds") == 3
    assert _option_count(html, "service_area", "housing") == 3
    assert _option_count(html, "nation", "England") == 3
    assert "Leeds draft" not in html
    assert "Leeds private" not in html
    assert "Showing <strong>1</strong> to <strong>3</strong> of <strong>3</strong>" in html


def test_an_index_lists_only_its_own_type_whatever_the_url_says(client, site_tree, make_page):
    make_page(CaseStudyPage, title="A case study of repairs")
    make_page(ProcurementBriefPage, title="A brief for repairs")

    html = client.get(f"{site_tree['case-studies'].url}?type=procurement-brief").content.decode()

    assert _titles(html) == ["A case study of repairs"]
    assert 'name="type"' not in html  # the type is the page's, not a filter


def test_filters_combine_and_keep_their_choices_checked(client, site_tree, make_page):
    cardiff = OrganisationFactory(code="CRF", slug="cardiff", name="Cardiff", nation="Wales")
    leeds = OrganisationFactory(code="LDS", slug="leeds", name="Leeds", nation="England")
    make_page(ProcurementBriefPage, title="Cardiff repairs", organisations=[cardiff], tags=["x"])
    make_page(ProcurementBriefPage, title="Cardiff parking", organisations=[cardiff], tags=["y"])
    make_page(ProcurementBriefPage, title="Leeds repairs", organisations=[leeds], tags=["x"])
    index = site_tree["procurement-briefs"].url

    html = client.get(f"{index}?organisation=cardiff&tag=x").content.decode()

    assert _titles(html) == ["Cardiff repairs"]
    assert re.search(r'name="organisation" type="checkbox" value="cardiff" checked', html)
    assert re.search(r'name="tag" type="checkbox" value="x" checked', html)


def test_most_reused_order_follows_a_new_reuse_record(
    client, site_tree, make_page, django_user_model
):
    council = OrganisationFactory(code="BRM", slug="birmingham", name="Birmingham")
    older = make_page(ServicePatternPage, title="Pattern one")
    make_page(ServicePatternPage, title="Pattern two")
    index = site_tree["service-patterns"].url
    assert _titles(client.get(f"{index}?order=most-reused").content.decode())[0] != "Pattern one"

    profile = make_member(django_user_model, username="reuser", organisation=council)
    engagement_services.reuse_record(page=older, profile=profile)

    html = client.get(f"{index}?order=most-reused").content.decode()
    assert _titles(html)[0] == "Pattern one"
    assert "Reused by 1 organisation" in html


def test_unpublished_page_leaves_listings_and_counts(client, site_tree, make_page):
    area = ServiceAreaFactory(name="Waste", slug="waste")
    kept = make_page(CaseStudyPage, title="Kept study", service_areas=[area])
    gone = make_page(CaseStudyPage, title="Gone study", service_areas=[area])
    gone.unpublish()

    for url in [site_tree["case-studies"].url, "/service-areas/waste/", "/"]:
        html = client.get(url).content.decode()
        assert "Gone study" not in html, url
        assert kept.title in html, url
    index_html = client.get(site_tree["case-studies"].url).content.decode()
    assert _option_count(index_html, "service_area", "waste") == 1


def test_cards_escape_what_editors_and_members_typed(client, site_tree, make_page):
    """Cards are rendered by a Jinja2 fragment: its autoescaping must hold for every field."""
    odd = OrganisationFactory(code="ODD", slug="odd", name='Odd & "Sons" <b>Council</b>')
    make_page(
        CaseStudyPage,
        title="<script>alert('title')</script> repairs",
        summary="<img src=x onerror=alert('summary')>",
        organisations=[odd],
        tags=["<i>tag</i>"],
    )

    html = client.get(site_tree["case-studies"].url).content.decode()

    assert "<script>alert('title')</script>" not in html
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; repairs" in html
    assert "<img src=x" not in html
    assert "Odd &amp; &#34;Sons&#34; &lt;b&gt;Council&lt;/b&gt;" in html
    assert "<i>tag</i>" not in html


def test_directory_rows_escape_organisation_names(client, site_tree, make_page):
    """The directory's rows are a Jinja2 fragment too."""
    OrganisationFactory(
        code="ODD",
        slug="odd",
        name='Odd & "Sons" <b>Council</b>',
        council_type="<em>Unitary</em>",
        region="North <West>",
    )

    html = client.get("/organisations/", {"q": "Odd"}).content.decode()

    assert "Odd &amp; &#34;Sons&#34; &lt;b&gt;Council&lt;/b&gt;" in html
    assert "&lt;em&gt;Unitary&lt;/em&gt;" in html
    assert "North &lt;West&gt;" in html
    assert "<b>Council</b>" not in html
    assert 'href="/organisations/odd/"' in html
