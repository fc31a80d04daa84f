"""The read-only public API (Wagtail API v2) at /api/v2/: live, public content and its documents.

The fields each content type shows are declared here (`CONTENT_API_FIELDS`), not on the models,
so the models stay about content and the API's shape is read in one place. Filters by tag,
service area and organisation go through core.listings (the listings' own read of the search
index), and `?search=` through the one search service, so the API answers exactly what the site's listings and search page would.
"""

import logging
import re
from dataclasses import replace

from django.db.models import Case, IntegerField, Value, When

from wagtail.api import APIField
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageHtmlUrlField, PageParentField, PageSerializer
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Page

from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from casestudies.models import BusinessCasePage, CaseStudyPage, ProcurementBriefPage
from core import listings
from core.models import BasePage, RelatedDocument
from core.site_url import absolute_url
from events.models import EventPage, EventSeriesPage, TrainingCoursePage
from patterns.models import ServicePatternPage
from search import services

logger = logging.getLogger(__name__)

MAX_SEARCH_QUERY_LENGTH = 200
# Parameters the search service understands; anything else with ?search= is refused, so the
# total and the items always describe the same set of pages.
SEARCH_COMPATIBLE_PARAMETERS = frozenset(
    [
        "search",
        "type",
        "tag",
        "service_area",
        "organisation",
        "nation",
        "region",
        "order",
        "limit",
        "offset",
        "fields",
        "format",
        "rich_text_format",
        "_",
    ]
)
# API ordering → the search service's sorts.
SEARCH_ORDERS = {
    "-date": "newest",
    "date": "oldest",
    "title": "title",
    "-reuse_count": "most-reused",
}
CONTENT_FILTER_PARAMETERS = ("tag", "service_area", "organisation", "nation", "region")


# --- Serializer fields ---------------------------------------------------------------------


class InstanceField(serializers.Field):
    """A read-only field computed from the whole object rather than one attribute."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance


class LicenceField(InstanceField):
    def to_representation(self, page):
        return {"code": page.licence, "name": page.get_licence_display(), "url": page.licence_url}


class NamedListField(serializers.Field):
    """A related manager as a list of small dicts, e.g. tags as [{"name", "slug"}]."""

    def __init__(self, attributes, **kwargs):
        self.attributes = attributes
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return [{name: getattr(item, name) for name in self.attributes} for item in manager.all()]


class TagListField(NamedListField):
    def __init__(self, **kwargs):
        super().__init__(["name", "slug"], **kwargs)

    def to_representation(self, manager):
        return sorted(super().to_representation(manager), key=lambda tag: tag["name"].casefold())


class OrganisationListField(serializers.Field):
    """Who the work is from: stable code, name, slug and the organisation's page on this site."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return [
            {
                "code": organisation.code,
                "name": organisation.name,
                "slug": organisation.slug,
                "html_url": absolute_url(organisation.get_absolute_url()),
            }
            for organisation in manager.all()
        ]


class RelatedPagesField(serializers.Field):
    """Linked pages, only those that are themselves live and public: a draft never leaks."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager):
        request = self.context.get("request")
        pages = public_pages(manager.all()).order_by("-date", "-id")
        return [
            {
                "id": page.id,
                "title": page.title,
                "type": f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}",
                "html_url": page.get_full_url(request),
            }
            for page in pages
        ]


class DocumentListField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager):
        items = []
        for related in manager.select_related("document").all():
            url = related.document.url
            items.append(
                {
                    "id": related.document_id,
                    "title": related.display_title,
                    "download_url": absolute_url(url),
                }
            )
        return items


def lines(source):
    return serializers.ListField(source=source, child=serializers.CharField(), read_only=True)


def child_rows(*attributes):
    return NamedListField(list(attributes))


# --- Which fields each content type shows -------------------------------------------------

BASE_FIELDS = [
    APIField("summary"),
    APIField("date"),
    APIField("last_reviewed"),
    APIField("licence", serializer=LicenceField()),
    APIField("tags", serializer=TagListField()),
    APIField("service_areas", serializer=NamedListField(["name", "slug"])),
    APIField("organisations", serializer=OrganisationListField()),
    APIField("principles", serializer=NamedListField(["number", "title"])),
    APIField("reuse_count"),
    APIField("body"),
    APIField("documents", serializer=DocumentListField()),
]

CONTENT_API_FIELDS = {
    BasePage: BASE_FIELDS,
    CaseStudyPage: [
        APIField("problem"),
        APIField("approach"),
        APIField("outcomes"),
        APIField("total_cost"),
        APIField("annual_saving"),
        APIField("cost_notes"),
        APIField("phase"),
        APIField("started"),
        APIField("finished"),
        APIField("lessons_learned"),
        APIField("partners", serializer=lines("partner_list")),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("related_briefs", serializer=RelatedPagesField()),
        APIField("related_business_cases", serializer=RelatedPagesField()),
        APIField("patterns_used", serializer=RelatedPagesField()),
    ],
    ProcurementBriefPage: [
        APIField("problem"),
        APIField("users"),
        APIField("phase"),
        APIField("procurement_route"),
        APIField("budget_min"),
        APIField("budget_max"),
        APIField("contract_length_months"),
        APIField("essential_skills", serializer=lines("essential_skill_list")),
        APIField("nice_to_have_skills", serializer=lines("nice_to_have_skill_list")),
        APIField("evaluation_criteria", serializer=child_rows("criterion", "weighting")),
        APIField("status"),
        APIField("awarded_to"),
        APIField("award_value"),
        APIField("award_date"),
        APIField("case_studies", serializer=RelatedPagesField()),
    ],
    BusinessCasePage: [
        APIField("stage"),
        APIField("strategic_case"),
        APIField("economic_case"),
        APIField("commercial_case"),
        APIField("financial_case"),
        APIField("management_case"),
        APIField(
            "options",
            serializer=child_rows(
                "name", "description", "whole_life_cost", "is_do_nothing", "is_preferred"
            ),
        ),
        APIField("whole_life_cost"),
        APIField("annual_benefit"),
        APIField("payback_months"),
        APIField("funding_source"),
        APIField("approved_by"),
        APIField("approval_date"),
        APIField("case_studies", serializer=RelatedPagesField()),
    ],
    ServicePatternPage: [
        APIField("maturity"),
        APIField("user_needs"),
        APIField("when_to_use"),
        APIField("when_not_to_use"),
        APIField("steps"),
        APIField("components_and_standards"),
        APIField("research"),
        APIField("known_issues"),
        APIField("lgsl_services", serializer=NamedListField(["code", "description"])),
        APIField("case_studies", serializer=RelatedPagesField()),
    ],
    # Times in UK time with their offset. How to join online is only for people with a
    # place (their emails), so it is not here.
    EventPage: [
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("attendance_mode"),
        APIField("venue_name"),
        APIField("venue_address", serializer=lines("address_lines")),
        APIField("region"),
        APIField("accessibility"),
        APIField("audience"),
        APIField("capacity"),
        APIField("registration_closes_at"),
        APIField("is_training"),
        APIField("materials"),
    ],
    EventSeriesPage: [APIField("frequency"), APIField("audience")],
    TrainingCoursePage: [
        APIField("audience"),
        APIField("duration"),
        APIField("signatories_only"),
        APIField("who_it_is_for"),
        APIField("what_you_will_learn"),
    ],
}

LISTING_FIELDS = [
    "summary",
    "date",
    "licence",
    "tags",
    "service_areas",
    "organisations",
    "reuse_count",
]


def api_fields_for(model) -> list[APIField]:
    """The model's own fields after those of every content class it inherits from."""
    fields = {}
    for klass in reversed(model.__mro__):
        for api_field in CONTENT_API_FIELDS.get(klass, []):
            fields[api_field.name] = api_field
    return list(fields.values())


# --- Querysets ------------------------------------------------------------------------------


def public_pages(queryset):
    """Live pages anyone may read, as everywhere on the site (core.selectors)."""
    return queryset.live().public()


def content_filters(query) -> services.SearchFilters:
    """Listing filters from the query string: comma-separated or repeated values."""
    values = {
        name: [value for raw in query.getlist(name) for value in raw.split(",")]
        for name in CONTENT_FILTER_PARAMETERS
    }
    return services.SearchFilters.from_querydict(values)


def restricted_collection_ids() -> set[int]:
    """Every collection under a view restriction, for anyone: the API never signs anybody in."""
    paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    ids = set()
    for path in paths:
        ids.update(Collection.objects.filter(path__startswith=path).values_list("id", flat=True))
    return ids


# --- Endpoints ------------------------------------------------------------------------------


class PublicPagination(WagtailPagination):
    """Wagtail's limit and offset, where an offset past the end is an empty page.

    Wagtail slices the queryset with the offset as given, so `?offset=` with 30 digits reached
    SQLite as an integer it cannot hold: a 500 (found by fuzzing the OpenAPI description).
    """

    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)
        if int(request.GET.get("offset", 0)) >= self.total_count:  # validated by super()
            return queryset.none()
        return page


class PublicAPIMixin:
    """JSON only, nobody signed in, readable from any origin: this is open data."""

    renderer_classes = [JSONRenderer]
    authentication_classes: list = []
    pagination_class = PublicPagination

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    def find_object(self, queryset, request):
        # Wagtail hands ?id= straight to the ORM, so `find/?id=null` was a 500 (found by
        # fuzzing the OpenAPI description). At most 18 digits: SQLite's integers are 64-bit.
        wanted = request.GET.get("id")
        if wanted is not None and not re.fullmatch(r"[0-9]{1,18}", wanted.strip()):
            raise BadRequestError("id must be a whole number, like ?id=42")
        return super().find_object(queryset, request)


class SpecificPageHtmlUrlField(PageHtmlUrlField):
    def to_representation(self, page):
        return super().to_representation(page.specific_deferred)


class SpecificPageParentField(PageParentField):
    def get_attribute(self, instance):
        parent = super().get_attribute(instance)
        return parent.specific_deferred if parent is not None else None


class SiteUrlPageSerializer(PageSerializer):
    """html_url from the page's own class (no query: deferred), whose address is on SITE_URL
    (core.models.routing.SiteUrlMixin). A plain Page, which `type=wagtailcore.Page` lists and
    every parent is, would take the Site record's, which cannot say https on port 8443."""

    html_url = SpecificPageHtmlUrlField(read_only=True)
    parent = SpecificPageParentField(read_only=True)


class ContentPagesAPIViewSet(PublicAPIMixin, PagesAPIViewSet):
    """Pages: every content type's structured fields; only live, public pages.

    Without `type` the listing is every content page (core.BasePage) with the fields they share;
    `type=casestudies.CaseStudyPage` adds that type's own fields; `type=wagtailcore.Page` lists
    every public page, index pages included.
    """

    base_serializer_class = SiteUrlPageSerializer

    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(CONTENT_FILTER_PARAMETERS)

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(
            cls.body_fields + list(getattr(model, "api_fields", ())) + api_fields_for(model)
        )

    @classmethod
    def get_listing_default_fields(cls, model):
        fields = super().get_listing_default_fields(model)
        if issubclass(model, BasePage):
            fields += LISTING_FIELDS
        return fields

    def get_base_queryset(self):
        return public_pages(super().get_base_queryset())

    def requested_models(self):
        try:
            models_type = self.request.GET.get("type", None)
            return (models_type and page_models_from_string(models_type)) or []
        except (LookupError, ValueError) as error:
            raise BadRequestError("type doesn't exist") from error

    def get_queryset(self):
        if self.action == "listing_view" and not self.requested_models():
            queryset = BasePage.objects.filter(pk__in=self.get_base_queryset().values("pk"))
        else:
            queryset = super().get_queryset()
        filters = content_filters(self.request.GET)
        if filters.active:
            # The pages the site's listings show under the same filters (core.listings).
            queryset = queryset.filter(pk__in=listings.listing_page_ids(filters))
        if issubclass(queryset.model, BasePage):
            queryset = queryset.prefetch_related("tags", "service_areas", "organisations")
        return queryset

    def listing_view(self, request):
        if "search" in request.GET:
            return self.search_listing(request)
        return super().listing_view(request)

    def search_listing(self, request):
        """?search= answered by the site's search service, in its order, with its total."""
        unsupported = set(request.GET.keys()) - SEARCH_COMPATIBLE_PARAMETERS
        if unsupported:
            raise BadRequestError(
                "search cannot be combined with: {}".format(", ".join(sorted(unsupported)))
            )
        order = request.GET.get("order")
        if order and order not in SEARCH_ORDERS:
            raise BadRequestError(
                "search results can be ordered by: {}".format(", ".join(sorted(SEARCH_ORDERS)))
            )
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        limit, offset = self.search_window(request)

        search_filters = self.search_filters(request)
        if search_filters is None:
            return Response({"meta": {"total_count": 0}, "items": []})
        query = request.GET.get("search", "")[:MAX_SEARCH_QUERY_LENGTH]
        sort = SEARCH_ORDERS.get(order, "relevance")

        def run(page_number, page_size):
            return services.search_content(
                query=query,
                filters=search_filters,
                sort=sort,
                page=page_number,
                page_size=page_size,
            )

        try:
            total, window = self.search_window_ids(run, limit=limit, offset=offset)
        except services.SearchEngineUnavailable as error:
            # Listings without ?search= still work: they are read from the database.
            logger.warning("search engine unavailable, API search answered 503: %s", error)
            return Response(
                {"message": "search is not available at the moment; try again in a few minutes"},
                status=503,
                headers={"Retry-After": "30", "Cache-Control": "no-store"},
            )

        position = Case(
            *[When(pk=pk, then=Value(index)) for index, pk in enumerate(window)],
            default=Value(len(window)),
            output_field=IntegerField(),
        )
        items = list(queryset.filter(pk__in=window).annotate(_rank=position).order_by("_rank"))
        serializer = self.get_serializer(items, many=True)
        return Response({"meta": {"total_count": total}, "items": serializer.data})

    @staticmethod
    def search_window_ids(run, *, limit: int, offset: int) -> tuple[int, list[int]]:
        """The total and the ids in [offset, offset + limit) of the service's results."""
        if limit == 0:
            return run(1, 1).total, []
        # The one or two service pages of `limit` results that cover [offset, offset+limit).
        first_page = offset // limit + 1
        page_ids, total = [], 0
        for page_number in (first_page, first_page + 1):
            results = run(page_number, limit)
            total = results.total
            if results.page != page_number:  # past the end: the service clamps the page
                break
            page_ids += [hit.page_id for hit in results.hits]
            if page_number * limit >= offset + limit or len(results.hits) < limit:
                break
        start = offset - (first_page - 1) * limit
        return total, page_ids[start : start + limit]

    def search_filters(self, request):
        """The search service's filters, or None when the requested types cannot match."""
        from search.indexing import type_slug

        models = self.requested_models()
        type_slugs = ()
        # A type above BasePage (wagtailcore.Page, core.BasePage) means every content type.
        if models and not any(issubclass(BasePage, model) for model in models):
            content_models = [model for model in models if issubclass(model, BasePage)]
            if not content_models:
                return None
            type_slugs = tuple(dict.fromkeys(type_slug(model) for model in content_models))
        return replace(content_filters(request.GET), type=type_slugs)

    @staticmethod
    def search_window(request) -> tuple[int, int]:
        from django.conf import settings

        limit_max = min(getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or 20, services.MAX_PAGE_SIZE)
        try:
            offset = int(request.GET.get("offset", 0))
            limit = int(request.GET.get("limit", min(20, limit_max)))
        except ValueError as error:
            raise BadRequestError("limit and offset must be positive integers") from error
        if offset < 0 or limit < 0:
            raise BadRequestError("limit and offset must be positive integers")
        if limit > limit_max:
            raise BadRequestError(f"limit cannot be higher than {limit_max}")
        if offset + limit > services.MAX_RESULT_WINDOW:
            raise BadRequestError(
                f"search results stop at {services.MAX_RESULT_WINDOW}; narrow the search"
            )
        return limit, offset


class DocumentTitleSearchFilter(BaseFilterBackend):
    """`?search=` on documents through the search package, in place of Wagtail's backend."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        query = request.GET["search"][:MAX_SEARCH_QUERY_LENGTH]
        return services.search_document_titles(queryset, query)


class PublicDocumentsAPIViewSet(PublicAPIMixin, DocumentsAPIViewSet):
    """Documents attached to live, public content pages, outside any restricted collection."""

    filter_backends = [
        DocumentTitleSearchFilter if backend is SearchFilter else backend
        for backend in DocumentsAPIViewSet.filter_backends
    ]

    def get_queryset(self):
        public_ids = public_pages(Page.objects.all()).values("pk")
        attached = RelatedDocument.objects.filter(page_id__in=public_ids).values("document_id")
        return (
            self.model.objects.filter(pk__in=attached)
            .exclude(collection_id__in=restricted_collection_ids())
            .order_by("id")
        )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ContentPagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
