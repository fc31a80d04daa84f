"""Every content type renders, is created by an editor under its allowed parent, and its
search_fields cover the text editors write."""

from django.db import models
from django.urls import reverse

from wagtail.admin.panels import FieldPanel, PanelGroup
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from casestudies.models import BusinessCasePage, CaseStudyPage, ProcurementBriefPage
from core.content_types import content_models, library_types
from home.models import HomePage
from patterns.models import ServicePatternPage

# Every registered type (core.content_types), so a new type is tested without a change here.
CONTENT_TYPES = content_models()
# Shared work lives under its own index page; events under What's on (tests/events).
LIBRARY_TYPES = [item.model for item in library_types()]
INDEX_FOR = {item.model: item.index_model for item in library_types()}


@pytest.mark.parametrize("model", CONTENT_TYPES)
def test_content_page_renders_with_its_fields(client, make_page, organisation, model):
    page = make_page(
        model, title="Digital housing repairs", organisations=[organisation], tags=["repairs"]
    )

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Digital housing repairs" in html
    assert page.summary in html
    assert "Hackney" in html
    assert "application/ld+json" in html


@pytest.mark.parametrize("model", LIBRARY_TYPES)
def test_content_type_only_lives_under_its_index(model):
    assert model.allowed_parent_page_models() == [INDEX_FOR[model]]
    assert not model.can_create_at(HomePage())
    assert INDEX_FOR[model].allowed_subpage_models() == [model]


def _panel_field_names(panels) -> set[str]:
    names = set()
    for panel in panels:
        if isinstance(panel, FieldPanel):
            names.add(panel.field_name)
        if isinstance(panel, PanelGroup):
            names |= _panel_field_names(panel.children)
    return names


def _text_fields_editors_write(model) -> set[str]:
    written = _panel_field_names(model.content_panels)
    text_fields = set()
    for field in model._meta.get_fields():
        if field.name not in written or not isinstance(field, models.Field):
            continue
        is_text = isinstance(field, RichTextField | StreamField | models.TextField) or (
            isinstance(field, models.CharField)
            and not field.choices
            and not isinstance(field, models.EmailField | models.SlugField | models.URLField)
        )
        if is_text:
            text_fields.add(field.name)
    return text_fields


@pytest.mark.parametrize("model", CONTENT_TYPES)
def test_search_fields_cover_the_text_editors_write(model):
    searched = {f.field_name for f in model.search_fields if isinstance(f, index.SearchField)}
    related = {f.field_name for f in model.search_fields if isinstance(f, index.RelatedFields)}

    # Text only some readers get (an online event's joining details, emailed to those with a
    # place) is declared private: never searched, never in the API.
    private = set(model.private_text_fields)
    assert not private & searched
    assert not private & {field.name for field in model.api_fields}
    missing = _text_fields_editors_write(model) - searched - private
    assert not missing, f"{model.__name__} fields missing from search_fields: {sorted(missing)}"
    assert {"tags", "organisations", "service_areas"} <= related


def _minimal_form_data(model, title):
    data = {
        "title": title,
        "slug": title.lower().replace(" ", "-"),
        "summary": "What we did and what it cost.",
        "date": "2024-01-31",
        "licence": "ogl-3",
        "body": streamfield([("paragraph", rich_text("<p>Body text.</p>"))]),
        "documents": inline_formset([]),
    }
    rich_fields = _text_fields_editors_write(model) - set(data) - {"title"}
    for name in rich_fields:
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            data[name] = streamfield([])
        elif isinstance(field, RichTextField):
            data[name] = rich_text("")
    if model is ProcurementBriefPage:
        data.update(
            status="awarded",
            evaluation_criteria=inline_formset(
                [
                    {"criterion": "Quality", "weighting": "70"},
                    {"criterion": "Price", "weighting": "30"},
                ]
            ),
        )
    if model is BusinessCasePage:
        data["options"] = inline_formset([{"name": "Do nothing", "is_do_nothing": "on"}])
    if model is ServicePatternPage:
        data["maturity"] = "beta"
    return nested_form_data(data)


@pytest.mark.parametrize("model", LIBRARY_TYPES)
def test_editor_creates_page_in_admin_under_its_index(client, site_tree, editor, model):
    parent = INDEX_FOR[model].objects.get()
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )

    response = client.post(url, _minimal_form_data(model, "Editor made page"))

    assert response.status_code == 302, response.content.decode()[:3000]
    page = model.objects.get(title="Editor made page")
    assert page.get_parent().specific == parent
    assert not page.live  # saved as a draft; publishing goes through moderation


def test_editor_cannot_create_case_study_under_home(client, site_tree, editor):
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:add", args=("casestudies", "casestudypage", site_tree["home"].pk)
    )

    response = client.get(url)

    assert response.status_code in (302, 403)
    assert not CaseStudyPage.objects.exists()
