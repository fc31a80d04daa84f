"""The OpenAPI 3.1 description of the public API, built by hand so it says what we promise."""

from dataclasses import dataclass

from django.urls import reverse

from casestudies.models import CaseStudyIndexPage
from core.content_types import content_models, content_types, content_types_in_words
from core.models import BasePage
from core.site_url import absolute_url
from localdigital.api import LISTING_FIELDS, api_fields_for
from organisations.models import organisations_index_url

OPENAPI_VERSION = "3.1.0"
API_VERSION = "2.0.0"


def _param(name, description, schema=None, *, location="query", required=False, example=None):
    parameter = {
        "name": name,
        "in": location,
        "required": required,
        "description": description,
        "schema": schema or {"type": "string"},
    }
    if example is not None:
        parameter["example"] = example
    return parameter


PAGINATION = [
    _param(
        "limit",
        "Items per response (at most 50).",
        {"type": "integer", "minimum": 0, "maximum": 50, "default": 20},
    ),
    _param("offset", "Items to skip.", {"type": "integer", "minimum": 0, "default": 0}),
]
FIELDS = _param(
    "fields",
    "Fields to add (`fields=problem,outcomes`), remove (`fields=-summary`), or all (`fields=*`).",
    example="*",
)
ORDER = _param(
    "order",
    "Sort by a field, `-` for descending, or `random`. With `search`: one of `-date`, `date`, "
    "`title`, `-reuse_count` (default: relevance).",
    example="-date",
)
RICH_TEXT = _param(
    "rich_text_format",
    "Rich text as `html` (default), `db_html`, `markdown` or `db_markdown`.",
    {"type": "string", "enum": ["html", "db_html", "markdown", "db_markdown"]},
)


def type_parameter() -> dict:
    """`type`: every registered content type (core.content_types), then the two wider ones."""
    return _param(
        "type",
        "Content type as app_label.ModelName; comma-separate several. Without it the listing is "
        "every content page (`core.BasePage`); `wagtailcore.Page` lists every public page.",
        {
            "type": "string",
            "enum": [
                *(content_type.api_name for content_type in content_types()),
                "core.BasePage",
                "wagtailcore.Page",
            ],
        },
        example="casestudies.CaseStudyPage",
    )


CONTENT_FILTERS = [
    _param(
        "tag", "Tag slug; comma-separate or repeat for any of several.", example="housing-repairs"
    ),
    _param("service_area", "Service area slug; any of several.", example="waste-and-recycling"),
    _param(
        "organisation",
        "Organisation slug, the last part of its page's address; any of several.",
        example="hackney",
    ),
    _param("nation", "Nation of a publishing organisation, e.g. England.", example="Wales"),
    _param("region", "Region of a publishing organisation, e.g. London.", example="London"),
    _param(
        "search",
        "Full-text search through the site's search service, best match first.",
        {"type": "string", "maxLength": 200},
        example="missed bin",
    ),
    _param(
        "child_of", "Pages directly under this page id (not with `search`).", {"type": "integer"}
    ),
    _param(
        "descendant_of",
        "Pages anywhere under this page id (not with `search`).",
        {"type": "integer"},
    ),
]

ERROR = {
    "description": "The request was not understood: the message says why.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
NOT_FOUND = {
    "description": "No live, public item has this id.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}

NAMED = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "slug": {"type": "string"}},
}
RELATED_PAGE = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "type": {"type": "string"},
            "html_url": {"type": "string", "format": "uri"},
        },
    },
}
RICH_TEXT_SCHEMA = {"type": "string", "description": "Rich text (HTML by default)."}
STREAM = {
    "type": "array",
    "description": "StreamField blocks: [{type, value, id}].",
    "items": {"type": "object"},
}
MONEY = {"type": ["number", "null"], "description": "Whole pounds."}
DATE = {"type": ["string", "null"], "format": "date"}
TEXT = {"type": "string"}
LINES = {"type": "array", "items": {"type": "string"}}

FIELD_SCHEMAS = {
    "summary": TEXT,
    "date": {"type": "string", "format": "date"},
    "last_reviewed": DATE,
    "licence": {"$ref": "#/components/schemas/Licence"},
    "tags": {"type": "array", "items": NAMED},
    "service_areas": {"type": "array", "items": NAMED},
    "organisations": {"type": "array", "items": {"$ref": "#/components/schemas/OrganisationRef"}},
    "principles": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"number": {"type": "integer"}, "title": {"type": "string"}},
        },
    },
    "reuse_count": {
        "type": "integer",
        "description": (
            "Organisations that recorded reusing this work, other than the organisations it "
            "is from, suppliers not counted: the figure its page shows as 'Reused by'."
        ),
    },
    "body": STREAM,
    "documents": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "download_url": {"type": "string", "format": "uri"},
            },
        },
    },
    "problem": RICH_TEXT_SCHEMA,
    "approach": RICH_TEXT_SCHEMA,
    "outcomes": STREAM,
    "total_cost": MONEY,
    "annual_saving": MONEY,
    "cost_notes": TEXT,
    "phase": {"type": "string", "enum": ["", "discovery", "alpha", "beta", "live"]},
    "started": DATE,
    "finished": DATE,
    "lessons_learned": RICH_TEXT_SCHEMA,
    "partners": LINES,
    "contact_name": TEXT,
    "contact_email": TEXT,
    "related_briefs": RELATED_PAGE,
    "related_business_cases": RELATED_PAGE,
    "patterns_used": RELATED_PAGE,
    "users": RICH_TEXT_SCHEMA,
    "procurement_route": {
        "type": "string",
        "description": "How it was bought, e.g. g-cloud, dos, open.",
    },
    "budget_min": MONEY,
    "budget_max": MONEY,
    "contract_length_months": {"type": ["integer", "null"]},
    "essential_skills": LINES,
    "nice_to_have_skills": LINES,
    "evaluation_criteria": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "criterion": {"type": "string"},
                "weighting": {"type": "integer", "description": "Per cent"},
            },
        },
    },
    "status": {"type": "string", "enum": ["draft", "open", "closed", "awarded"]},
    "awarded_to": TEXT,
    "award_value": MONEY,
    "award_date": DATE,
    "case_studies": RELATED_PAGE,
    "stage": {"type": "string", "enum": ["", "soc", "obc", "fbc"]},
    "strategic_case": RICH_TEXT_SCHEMA,
    "economic_case": RICH_TEXT_SCHEMA,
    "commercial_case": RICH_TEXT_SCHEMA,
    "financial_case": RICH_TEXT_SCHEMA,
    "management_case": RICH_TEXT_SCHEMA,
    "options": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "description": {"type": "string"},
                "whole_life_cost": MONEY,
                "is_do_nothing": {"type": "boolean"},
                "is_preferred": {"type": "boolean"},
            },
        },
    },
    "whole_life_cost": MONEY,
    "annual_benefit": MONEY,
    "payback_months": {"type": ["integer", "null"]},
    "funding_source": TEXT,
    "approved_by": TEXT,
    "approval_date": DATE,
    "maturity": {"type": "string", "enum": ["experimental", "beta", "live", "retired"]},
    "starts_at": {"type": "string", "format": "date-time", "description": "UK time, with offset."},
    "ends_at": {"type": "string", "format": "date-time", "description": "UK time, with offset."},
    "attendance_mode": {"type": "string", "enum": ["online", "in-person", "hybrid"]},
    "venue_name": TEXT,
    "venue_address": LINES,
    "region": TEXT,
    "accessibility": TEXT,
    "audience": {"type": "string", "enum": ["everyone", "digital-teams", "leaders"]},
    "capacity": {"type": ["integer", "null"], "description": "Places; null for no limit."},
    "registration_closes_at": {"type": ["string", "null"], "format": "date-time"},
    "is_training": {"type": "boolean", "description": "A cohort of a training course."},
    "materials": STREAM,
    "lead_organisation": {
        "oneOf": [{"$ref": "#/components/schemas/OrganisationRef"}, {"type": "null"}]
    },
    "partner_organisations": {
        "type": "array",
        "items": {"$ref": "#/components/schemas/OrganisationRef"},
    },
    "project_phase": {
        "type": "string",
        "enum": ["discovery", "alpha", "beta", "live", "retired"],
    },
    "project_status": {
        "type": "string",
        "enum": ["on-track", "at-risk", "paused", "completed"],
    },
    "planned_end": DATE,
    "budget": MONEY,
    "outputs": RELATED_PAGE,
    "links": STREAM,
    "frequency": TEXT,
    "duration": TEXT,
    "signatories_only": {"type": "boolean"},
    "who_it_is_for": RICH_TEXT_SCHEMA,
    "what_you_will_learn": RICH_TEXT_SCHEMA,
    "opens_at": {"type": "string", "format": "date-time"},
    "closes_at": {"type": "string", "format": "date-time"},
    "decisions_by": DATE,
    "minimum_organisations": {
        "type": "integer",
        "description": "Signatory organisations an application needs, its lead included.",
    },
    "maximum_leads": {"type": "integer", "description": "Bids one organisation may lead."},
    "lead_eligibility": {"type": "string", "enum": ["any", "councils"]},
    "funded_projects_only": {
        "type": "boolean",
        "description": "Continuous funding: only funded projects' next phases may apply.",
    },
    "outputs_required": TEXT,
    "phase_limits": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "phase": {"type": "string", "enum": ["discovery", "alpha", "beta"]},
                "maximum_amount": {"type": "integer", "description": "Whole pounds."},
            },
        },
    },
    "criteria": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "title": TEXT,
                "description": TEXT,
                "weight": {"type": "integer", "description": "Percent; they add up to 100."},
            },
        },
    },
    "user_needs": RICH_TEXT_SCHEMA,
    "when_to_use": RICH_TEXT_SCHEMA,
    "when_not_to_use": RICH_TEXT_SCHEMA,
    "steps": STREAM,
    "components_and_standards": RICH_TEXT_SCHEMA,
    "research": RICH_TEXT_SCHEMA,
    "known_issues": RICH_TEXT_SCHEMA,
    "lgsl_services": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"code": {"type": "integer"}, "description": {"type": "string"}},
        },
    },
}


def _page_schema(model) -> dict:
    properties = {
        "id": {"type": "integer"},
        "meta": {"$ref": "#/components/schemas/PageMeta"},
        "title": {"type": "string"},
    }
    for api_field in api_fields_for(model):
        properties[api_field.name] = FIELD_SCHEMAS[api_field.name]
    return {"type": "object", "properties": properties, "required": ["id", "meta", "title"]}


def _listing(item_ref: str) -> dict:
    return {
        "type": "object",
        "properties": {
            "meta": {
                "type": "object",
                "properties": {"total_count": {"type": "integer"}},
                "required": ["total_count"],
            },
            "items": {"type": "array", "items": {"$ref": item_ref}},
        },
        "required": ["meta", "items"],
    }


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _json(schema_ref: str, description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": schema_ref}}},
    }


ID = _param("id", "The item's id.", {"type": "integer"}, location="path", required=True)


@dataclass(frozen=True)
class SiteAddresses:
    """The site's addresses that the developer guide and this description show, read from the
    page tree and the URLconf, so renaming a section in the admin moves the examples too.
    An index page that is not live gives "" and its examples are left out of the guide."""

    guide: str
    api_root: str
    case_studies: str
    organisations: str
    tags: str
    service_areas: str
    search: str

    @property
    def page_path_example(self) -> str:
        """A case study's address, for finding a page by its path."""
        return f"{self.case_studies or '/'}online-repairs/"


def site_addresses() -> SiteAddresses:
    case_studies = CaseStudyIndexPage.objects.live().public().first()
    return SiteAddresses(
        guide=absolute_url(reverse("developers_api")),
        api_root=absolute_url(reverse("api_index")).rstrip("/"),
        case_studies=(case_studies.url or "") if case_studies else "",
        organisations=organisations_index_url(),
        tags=reverse("tag_index"),
        service_areas=reverse("service_area_index"),
        search=reverse("search"),
    )


def openapi_document(addresses: SiteAddresses | None = None) -> dict:
    """The description served at /api/v2/openapi.json, with this site's addresses."""
    addresses = addresses or site_addresses()
    schemas = {
        "Error": {
            "type": "object",
            "properties": {"message": {"type": "string"}},
            "required": ["message"],
        },
        "Licence": {
            "type": "object",
            "properties": {
                "code": {"type": "string", "example": "ogl-3"},
                "name": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
            },
        },
        "OrganisationRef": {
            "type": "object",
            "properties": {
                "code": {"type": "string", "example": "HCK"},
                "name": {"type": "string"},
                "slug": {"type": "string"},
                "html_url": {"type": "string", "format": "uri"},
            },
        },
        "PageMeta": {
            "type": "object",
            "properties": {
                "type": {"type": "string", "example": "casestudies.CaseStudyPage"},
                "detail_url": {"type": "string", "format": "uri"},
                "html_url": {"type": "string", "format": "uri"},
                "slug": {"type": "string"},
                "first_published_at": {"type": ["string", "null"], "format": "date-time"},
                "search_description": {"type": "string"},
                "seo_title": {"type": "string"},
                "show_in_menus": {"type": "boolean"},
                "alias_of": {"type": ["object", "null"]},
                "parent": {"type": ["object", "null"]},
            },
        },
        "ContentPage": _page_schema(BasePage),
        "PageListing": _listing("#/components/schemas/ContentPage"),
        "Document": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "meta": {
                    "type": "object",
                    "properties": {
                        "type": {"type": "string"},
                        "detail_url": {"type": "string", "format": "uri"},
                        "download_url": {"type": "string", "format": "uri"},
                        "tags": {"type": "array", "items": {"type": "string"}},
                    },
                },
                "title": {"type": "string"},
            },
            "required": ["id", "meta", "title"],
        },
        "DocumentListing": _listing("#/components/schemas/Document"),
    }
    for model in content_models():
        schemas[model.__name__] = _page_schema(model)
    # anyOf, not oneOf: a case study is also a valid ContentPage (the shared fields, more
    # allowed), so under oneOf every typed page failed validation (found by fuzzing).
    page_detail_schema = {
        "anyOf": [{"$ref": f"#/components/schemas/{model.__name__}"} for model in content_models()]
        + [{"$ref": "#/components/schemas/ContentPage"}]
    }
    schemas["PageDetail"] = page_detail_schema

    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "Local Digital public API",
            "version": API_VERSION,
            "summary": f"{sentence_case(content_types_in_words())} that UK councils "
            "published, as open data.",
            "description": (
                "Read-only and anonymous. Only live, public pages are ever returned: drafts, "
                "private pages and everything under a private page are not. Each item carries "
                "its licence (usually the Open Government Licence v3.0). Listing items show "
                f"{', '.join(LISTING_FIELDS)} by default; `fields=*` shows every field."
            ),
            "license": {
                "name": "Open Government Licence v3.0",
                "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            },
        },
        "externalDocs": {"description": "Developer guide", "url": addresses.guide},
        "servers": [{"url": addresses.api_root}],
        "tags": [
            {"name": "pages", "description": "Content pages and the site's other public pages"},
            {"name": "documents", "description": "Documents attached to public content"},
            {"name": "meta", "description": "This description and the API's index"},
        ],
        "paths": {
            "/": {
                "get": {
                    "tags": ["meta"],
                    "operationId": "apiIndex",
                    "summary": "The endpoints of this API",
                    "responses": {
                        "200": {
                            "description": "Links to each endpoint and to the documentation.",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
            "/openapi.json": {
                "get": {
                    "tags": ["meta"],
                    "operationId": "openapiDescription",
                    "summary": "This OpenAPI description",
                    "responses": {
                        "200": {
                            "description": "OpenAPI 3.1 document.",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
            "/pages/": {
                "get": {
                    "tags": ["pages"],
                    "operationId": "listPages",
                    "summary": "List live, public content pages, filtered and searched",
                    "parameters": [
                        type_parameter(),
                        *CONTENT_FILTERS,
                        ORDER,
                        FIELDS,
                        RICH_TEXT,
                        *PAGINATION,
                    ],
                    "responses": {
                        "200": _json("#/components/schemas/PageListing", "A page of results."),
                        "400": ERROR,
                    },
                }
            },
            "/pages/{id}/": {
                "get": {
                    "tags": ["pages"],
                    "operationId": "getPage",
                    "summary": "One live, public page with every field of its type",
                    "parameters": [ID, FIELDS, RICH_TEXT],
                    "responses": {
                        "200": _json("#/components/schemas/PageDetail", "The page."),
                        "400": ERROR,
                        "404": NOT_FOUND,
                    },
                }
            },
            "/pages/find/": {
                "get": {
                    "tags": ["pages"],
                    "operationId": "findPage",
                    "summary": "Redirect to a page's API URL from its path on the site",
                    "parameters": [
                        _param(
                            "html_path",
                            "The page's path on the site.",
                            example=addresses.page_path_example,
                        ),
                        _param("id", "Or the page's id.", {"type": "integer"}),
                    ],
                    "responses": {
                        "302": {"description": "Found: the Location header is the detail URL."},
                        "400": ERROR,
                        "404": NOT_FOUND,
                    },
                }
            },
            "/documents/": {
                "get": {
                    "tags": ["documents"],
                    "operationId": "listDocuments",
                    "summary": "Documents attached to live, public content pages",
                    "parameters": [
                        _param("search", "Search document titles."),
                        _param("order", "Sort by a field, e.g. title.", example="title"),
                        FIELDS,
                        *PAGINATION,
                    ],
                    "responses": {
                        "200": _json("#/components/schemas/DocumentListing", "Documents."),
                        "400": ERROR,
                    },
                }
            },
            "/documents/{id}/": {
                "get": {
                    "tags": ["documents"],
                    "operationId": "getDocument",
                    "summary": "One document",
                    "parameters": [ID, FIELDS],
                    "responses": {
                        "200": _json("#/components/schemas/Document", "The document."),
                        "400": ERROR,
                        "404": NOT_FOUND,
                    },
                }
            },
            "/documents/find/": {
                "get": {
                    "tags": ["documents"],
                    "operationId": "findDocument",
                    "summary": "Redirect to a document's API URL from its id",
                    "parameters": [_param("id", "The document's id.", {"type": "integer"})],
                    "responses": {
                        "302": {"description": "Found: the Location header is the detail URL."},
                        "400": ERROR,
                        "404": NOT_FOUND,
                    },
                }
            },
        },
        "components": {"schemas": schemas},
    }
