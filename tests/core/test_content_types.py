"""The content-type registry: it lists exactly the content types, and everything that offers
the types (feeds, contribution forms, home page, site tree, navigation, API, OpenAPI, search)
offers every one of them, so a fifth type declared on its model is picked up everywhere."""

import types

from django.urls import reverse

from wagtail.models import Page

import pytest
from allauth.account.models import EmailAddress

from community.contributions.selectors import content_types_to_add
from community.contributions.services import contribution_type_by_slug, contribution_types
from community.feeds import follow_target
from community.members import services as members_services
from community.models import VerificationStatus
from core import checks
from core.content_types import (
    RegisteredContentType,
    content_models,
    content_type_by_model_name,
    content_type_by_plural_slug,
    content_type_by_slug,
    content_types,
    content_types_in_words,
    library_types,
)
from core.models import BasePage
from core.templatetags.core_tags import main_navigation_links
from home.models import HomePage
from home.site_tree import index_pages
from localdigital.api import api_fields_for
from localdigital.openapi import FIELD_SCHEMAS, openapi_document
from tests import factories
from tests.db import page_make

CONTENT_TYPES = content_types()
LIBRARY_TYPES = library_types()


def concrete_subclasses(model) -> set[type]:
    """Every non-abstract class below `model`, found by walking the class tree: independent
    of the registry's own discovery through the app registry."""
    found = set()
    for subclass in model.__subclasses__():
        if not subclass._meta.abstract:
            found.add(subclass)
        found |= concrete_subclasses(subclass)
    return found


def test_registry_lists_exactly_the_concrete_base_page_subclasses():
    assert set(content_models()) == concrete_subclasses(BasePage)
    assert len(content_models()) == len(set(content_models()))
    assert BasePage not in content_models()


def test_registry_keeps_the_order_the_site_has_always_shown():
    assert [item.plural_slug for item in LIBRARY_TYPES] == [
        "case-studies",
        "procurement-briefs",
        "business-cases",
        "service-patterns",
    ]
    assert content_types_in_words() == (
        "case studies, procurement briefs, business cases and service patterns"
    )


def test_every_type_declares_itself_and_passes_the_system_check():
    assert checks.content_types_are_declared() == []
    # No two types share a name (one type may name one and several alike: "Event series").
    slugs = [slug for item in CONTENT_TYPES for slug in {item.slug, item.plural_slug}]
    assert len(slugs) == len(set(slugs))


def test_the_system_check_names_a_type_that_forgot_its_declarations(monkeypatch):
    # Like a BasePage subclass: it inherits the defaults, and declares only its label.
    defaults = types.new_class(
        "Defaults",
        exec_body=lambda body: body.update(
            {"in_library": True}
            | {name: getattr(BasePage, name) for name in checks.CONTENT_TYPE_DECLARATIONS}
        ),
    )
    forgetful = types.new_class("FifthPage", (defaults,))
    forgetful._meta = types.SimpleNamespace(
        model_name="fifthpage", app_label="fifth", verbose_name="fifth page"
    )
    forgetful.content_type_label = "Fifth type"
    monkeypatch.setattr(
        checks,
        "content_types",
        lambda: (
            RegisteredContentType(model=forgetful, index_model=None),
            RegisteredContentType(model=forgetful, index_model=None),
        ),
    )

    errors = checks.content_types_are_declared()

    ids = [error.id for error in errors]
    assert ids.count("core.E010") == 2
    assert "content_type_plural_label" in errors[0].msg
    assert "api_fields" in errors[0].msg
    assert "content_type_label" not in errors[0].msg  # it did declare that one
    assert ids.count("core.E011") == 2
    assert "core.E012" in ids  # the same slug twice


def test_lookups_answer_none_for_anything_else():
    assert content_type_by_slug("case-study").model.__name__ == "CaseStudyPage"
    assert content_type_by_plural_slug("case-studies").slug == "case-study"
    assert content_type_by_model_name("casestudypage").plural_slug == "case-studies"
    for lookup in (content_type_by_slug, content_type_by_plural_slug, content_type_by_model_name):
        assert lookup("") is None
        assert lookup("standardpage") is None
        assert lookup("../case-studies") is None


# --- every registered type, everywhere -----------------------------------------------------


@pytest.fixture
def member_client(client, db, django_user_model):
    user = django_user_model.objects.create_user(
        "sharer", "sharer@example.org", "a-long-test-password"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    profile = members_services.member_create(
        user=user, full_name="Sharer", organisation=factories.OrganisationFactory()
    )
    profile.verification_status = VerificationStatus.VERIFIED
    profile.save()
    client.force_login(user)
    return client


def by_label(item: RegisteredContentType) -> str:
    return item.model.__name__


@pytest.mark.parametrize("content_type", LIBRARY_TYPES, ids=by_label)
def test_the_site_tree_creates_its_index_page_in_the_navigation(site_tree, content_type):
    home = site_tree["home"]
    index = content_type.index_model.objects.child_of(home).live().get()

    assert site_tree[content_type.plural_slug].pk == index.pk
    assert (index.title, index.slug) == (content_type.plural_label, content_type.plural_slug)
    assert index.show_in_menus
    assert content_type.index_model in HomePage.allowed_subpage_models()
    assert content_type.model in content_type.index_model.allowed_subpage_models()
    assert any(model is content_type.index_model for model, *_ in index_pages())
    # In the menu under its index page's label: the plural, or the short one the site
    # starts some with so ten sections fit on one row (home.site_tree.MENU_LABELS).
    assert (index.menu_label or content_type.plural_label, index.url) in main_navigation_links()


@pytest.mark.parametrize("content_type", LIBRARY_TYPES, ids=by_label)
def test_the_home_page_has_its_section(client, make_page, content_type):
    make_page(content_type.model, title="Newest of its kind")

    response = client.get("/")

    sections = {section["title"]: section for section in response.context["sections"]}
    section = sections[content_type.plural_label]
    assert section["description"] == content_type.description
    assert section["count"] == 1
    assert f'href="{section["url"]}"' in response.content.decode()


@pytest.mark.parametrize("content_type", LIBRARY_TYPES, ids=by_label)
def test_its_listing_and_its_feed_show_its_pages(client, make_page, content_type):
    page = make_page(content_type.model, title="Shown in its own feed")

    listing = client.get(f"/{content_type.plural_slug}/")
    feed = client.get(reverse("community:feed", args=["atom", "type", content_type.plural_slug]))
    feed_index = client.get(reverse("community:feeds")).content.decode()

    assert listing.status_code == 200
    assert page.title in listing.content.decode()
    assert feed.status_code == 200
    assert f"Local Digital: {content_type.plural_label}" in feed.content.decode()
    assert page.title in feed.content.decode()
    assert reverse("community:feed", args=["rss", "type", content_type.plural_slug]) in feed_index
    target = follow_target("content_type", content_type.model_name)
    assert target["feed_slug"] == ("type", content_type.plural_slug)
    assert target["label"] == content_type.plural_label.lower()


@pytest.mark.parametrize("content_type", LIBRARY_TYPES, ids=by_label)
def test_a_member_may_contribute_one(member_client, site_tree, content_type):
    form_url = reverse("community:contribute_type", args=[content_type.slug])

    choices = member_client.get(reverse("community:contribute")).content.decode()
    form = member_client.get(form_url).content.decode()
    response = member_client.post(
        form_url,
        {
            "title": "Shared by a member",
            "summary": "What we did.",
            "licence_confirmed": "on",
            **{
                name: "In our words."
                for name, _label in content_type.model.contribution_text_fields
            },
        },
    )

    assert f'href="{form_url}"' in choices
    assert contribution_types()[content_type.slug].model is content_type.model
    assert content_type.model.contribution_text_fields
    for _name, label in content_type.model.contribution_text_fields:
        assert label in form
    assert response.status_code == 302
    draft = content_type.model.objects.get(title="Shared by a member")
    assert not draft.live
    assert draft.get_parent().specific_class is content_type.index_model


@pytest.mark.parametrize("content_type", CONTENT_TYPES, ids=by_label)
def test_the_api_and_its_description_show_its_fields(client, make_page, content_type):
    page = make_page(content_type.model, title="Read through the API")
    own_fields = [field.name for field in vars(content_type.model)["api_fields"]]

    listing = client.get("/api/v2/pages/", {"type": content_type.api_name, "fields": "*"})
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    document = openapi_document()

    assert listing.status_code == 200
    assert [item["id"] for item in listing.json()["items"]] == [page.pk]
    assert own_fields
    assert set(own_fields) <= set(detail)
    assert [field.name for field in api_fields_for(BasePage)] == [
        field.name for field in api_fields_for(content_type.model)
    ][: len(api_fields_for(BasePage))]
    type_parameter = next(
        parameter
        for parameter in document["paths"]["/pages/"]["get"]["parameters"]
        if parameter["name"] == "type"
    )
    assert content_type.api_name in type_parameter["schema"]["enum"]
    schema = document["components"]["schemas"][content_type.model.__name__]
    assert set(own_fields) <= set(schema["properties"])
    assert set(own_fields) <= set(FIELD_SCHEMAS)
    assert {"$ref": f"#/components/schemas/{content_type.model.__name__}"} in document[
        "components"
    ]["schemas"]["PageDetail"]["anyOf"]


@pytest.mark.parametrize("content_type", CONTENT_TYPES, ids=by_label)
def test_search_filters_by_it_and_the_developer_guide_names_it(client, make_page, content_type):
    page = make_page(content_type.model, title="Found by its type")

    results = client.get("/search/", {"type": content_type.slug}).content.decode()
    guide = client.get(reverse("developers_api")).content.decode()

    assert page.title in results
    assert f"<code>{content_type.api_name}</code>" in guide


@pytest.mark.parametrize("content_type", CONTENT_TYPES, ids=by_label)
def test_the_tests_can_make_one(site_tree, content_type):
    """make_page and the smoke tests need a factory for each type (tests/factories.py)."""
    page = page_make(site_tree, content_type.model)
    assert Page.objects.filter(pk=page.pk).live().exists()
    assert isinstance(page, content_type.model)


@pytest.mark.parametrize("content_type", CONTENT_TYPES, ids=by_label)
def test_staff_are_offered_to_add_one(site_tree, django_user_model, content_type):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-pw-1")
    meta = content_type.model._meta
    parent = next(  # its index page; What's on for a series or a course
        page
        for page in site_tree.values()
        if type(page.specific) in content_type.model.allowed_parent_page_models()
    )
    add_url = reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])

    assert add_url in [link.url for link in content_types_to_add(admin)]


def test_types_outside_the_library_are_searched_and_in_the_api_but_not_contributed():
    outside = [item for item in CONTENT_TYPES if not item.model.in_library]
    assert {item.model.__name__ for item in outside} == {
        "EventPage",
        "EventSeriesPage",
        "TrainingCoursePage",
        "FundingRoundPage",
        "ProjectPage",
    }
    for item in outside:
        assert item.model in content_models()  # indexed, listed, downloaded, in the API
        assert contribution_type_by_slug(item.slug) is None  # members do not contribute one
        assert content_type_by_plural_slug(item.plural_slug) is None  # no feed of its own
    assert checks.content_types_are_declared() == []
