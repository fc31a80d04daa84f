"""The content-type registry: the one list of content types, found rather than written down.

A content type is a concrete page model built on core.BasePage. It declares itself once, as
class attributes on that model (label, plural label, descriptions, contribution fields, API
fields), and its index page names it in `listing_model`. Feeds, contribution forms, the home
page's sections, the site tree, the API and its OpenAPI document, the search index, the demo
and the tests all read the list from here, so a fifth type is picked up everywhere by adding
its two models (docs/content-model.md, "Adding a content type").

Core sits below the content apps, so it discovers them through the app registry instead of
importing them.
"""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.utils.text import slugify

from core.models import BasePage, ListingPageMixin


@dataclass(frozen=True)
class RegisteredContentType:
    """One registered type: its page model and the index page that lists it, and the names
    the site gives it, all read from the model's own declarations."""

    model: type[BasePage]
    index_model: type[ListingPageMixin] | None  # None only when misdeclared (core.E010)

    @property
    def label(self) -> str:
        """The name of one ("Case study"): cards, search results, the contribution form."""
        return self.model.content_type_label

    @property
    def plural_label(self) -> str:
        """The name of several ("Case studies"): index page, feed and home page section titles."""
        return self.model.content_type_plural_label

    @property
    def slug(self) -> str:
        """For one ("case-study"): the search index's type facet, the contribution form's URL."""
        return type_slug(self.model)

    @property
    def plural_slug(self) -> str:
        """For several ("case-studies"): the index page's slug and the type's feed URL."""
        return slugify(self.plural_label)

    @property
    def description(self) -> str:
        """One line under the type's section on the home page."""
        return self.model.content_type_description

    @property
    def index_intro(self) -> str:
        """The intro (HTML) of the index page the site tree makes; editors own it after."""
        return self.model.index_page_intro

    @property
    def model_name(self) -> str:
        """What a follow of the type stores ("casestudypage")."""
        return self.model._meta.model_name

    @property
    def api_name(self) -> str:
        """The API's `type` value and OpenAPI enum entry ("casestudies.CaseStudyPage")."""
        return f"{self.model._meta.app_label}.{self.model.__name__}"


def type_slug(model) -> str:
    return slugify(getattr(model, "content_type_label", model._meta.verbose_name))


def _is_content_model(model) -> bool:
    return issubclass(model, BasePage) and model is not BasePage and not model._meta.abstract


@cache
def content_types() -> tuple[RegisteredContentType, ...]:
    """Every concrete page type built on BasePage, in INSTALLED_APPS and definition order (the
    order of feeds, home sections, the site tree and the OpenAPI enum). Read once the app
    registry is ready; models do not change while a process runs."""
    models = apps.get_models()
    index_models = [
        model for model in models if issubclass(model, ListingPageMixin) and model.listing_model
    ]
    return tuple(
        RegisteredContentType(
            model=model,
            index_model=next(
                (index for index in index_models if index.listing_model is model), None
            ),
        )
        for model in models
        if _is_content_model(model)
    )


def content_models() -> list[type[BasePage]]:
    """The content types' page models: new types are indexed, listed and fed without a change
    wherever this is read."""
    return [content_type.model for content_type in content_types()]


def library_types() -> tuple[RegisteredContentType, ...]:
    """The types of shared work (BasePage.in_library): what members contribute, the home
    page's sections, the site tree's index pages, the type feeds and the generated demo."""
    return tuple(item for item in content_types() if item.model.in_library)


def index_page_models() -> list[type[ListingPageMixin]]:
    """The library types' index page models, in the registry's order."""
    return [item.index_model for item in library_types() if item.index_model is not None]


def content_type_for_model(model) -> RegisteredContentType | None:
    return next((item for item in content_types() if item.model is model), None)


def content_type_by_slug(slug: str) -> RegisteredContentType | None:
    """The type whose `slug` ("case-study") this is; None for anything else."""
    return next((item for item in content_types() if item.slug == slug), None)


def content_type_by_plural_slug(plural_slug: str) -> RegisteredContentType | None:
    """The library type whose `plural_slug` ("case-studies") this is (its feed); None for
    anything else."""
    return next((item for item in library_types() if item.plural_slug == plural_slug), None)


def content_type_by_model_name(model_name: str) -> RegisteredContentType | None:
    """The library type a follow names ("casestudypage"); None for anything else."""
    return next((item for item in library_types() if item.model_name == model_name), None)


def content_types_in_words() -> str:
    """The plural labels as a phrase for prose: "case studies, ... and service patterns"."""
    names = [item.plural_label.lower() for item in library_types()]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
