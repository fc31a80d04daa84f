"""System checks: the Wagtail Site record agrees with SITE_URL; every content type declares itself."""

from collections import Counter

from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError

from wagtail.models import Site

from core.content_types import content_types
from core.site_url import site_host_and_port, site_url


@register(Tags.database)
def site_record_matches_site_url(app_configs=None, databases=None, **kwargs):
    """Run by `migrate` and `check --database default`: it needs the database."""
    if not databases:
        return []
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # before the first migrate
        return []
    if site is None:
        return []
    hostname, port = site_host_and_port()
    if (site.hostname, site.port) == (hostname, port):
        return []
    return [
        Warning(
            f"The default Wagtail Site is {site.hostname}:{site.port}, but SITE_URL is "
            f"{site_url()}.",
            hint="Run `manage.py sync_site_record` to set the Site from SITE_URL.",
            obj=site,
            id="core.W001",
        )
    ]


@register(Tags.security, deploy=True)
def site_url_is_https(app_configs=None, **kwargs):
    """Links in emails and feeds are followed from outside; over plain HTTP they can be altered."""
    if site_url().startswith("https://"):
        return []
    return [
        Warning(
            f"SITE_URL is {site_url()}: every link the site gives out is plain HTTP.",
            hint="Set SITE_URL to the site's https address.",
            id="core.W002",
        )
    ]


@register()
def content_types_are_declared(app_configs=None, **kwargs):
    """Every content type in the registry declares what feeds, forms, the home page and the
    site tree read from it, and has its one index page: a fifth type that forgot one would
    otherwise be missing from somewhere, quietly (docs/content-model.md)."""
    errors = []
    for content_type in content_types():
        model = content_type.model
        required = CONTENT_TYPE_DECLARATIONS if model.in_library else OTHER_TYPE_DECLARATIONS
        missing = [
            name
            for name in required
            if not vars(model).get(name)  # its own: BasePage's defaults say nothing
        ]
        if missing:
            errors.append(
                Error(
                    f"{model.__name__} is a content type but does not declare "
                    f"{', '.join(missing)}.",
                    hint="Set them on the model (core.models.BasePage lists what each is for).",
                    obj=model,
                    id="core.E010",
                )
            )
        if content_type.index_model is None and model.in_library:
            errors.append(
                Error(
                    f"{model.__name__} is a content type but no index page lists it.",
                    hint="Add an index page model with ListingPageMixin and "
                    f"listing_model = {model.__name__}.",
                    obj=model,
                    id="core.E011",
                )
            )
    # A type may name one and several alike ("Event series"); two types may not share a name.
    slug_uses = Counter(slug for item in content_types() for slug in {item.slug, item.plural_slug})
    for duplicate in sorted(slug for slug, uses in slug_uses.items() if uses > 1):
        errors.append(
            Error(
                f"Two content types share the slug {duplicate!r}: their feeds, forms or "
                "search filters would collide.",
                hint="Give them different content_type_label or content_type_plural_label.",
                id="core.E012",
            )
        )
    return errors


# What each content type must declare on its own model (see BasePage).
CONTENT_TYPE_DECLARATIONS = (
    "content_type_label",
    "content_type_plural_label",
    "content_type_description",
    "index_page_intro",
    "contribution_text_fields",
    "api_fields",
)
# A type outside the library (BasePage.in_library False) is only named and shown in the API.
OTHER_TYPE_DECLARATIONS = ("content_type_label", "content_type_plural_label", "api_fields")
