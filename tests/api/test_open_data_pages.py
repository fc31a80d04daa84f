"""The OpenAPI description, the API index, the developer guide, sitemap.xml and robots.txt."""

import datetime
import json

from django.urls import URLPattern, URLResolver

import pytest

from core.content_types import content_models
from core.models import BasePage
from localdigital.api import api_fields_for, api_router
from localdigital.openapi import FIELD_SCHEMAS, openapi_document

pytestmark = pytest.mark.django_db


def router_paths():
    """Every route the API router serves, as OpenAPI paths relative to /api/v2."""
    paths = set()
    for resolver in api_router.get_urlpatterns():
        assert isinstance(resolver, URLResolver)
        prefix = str(resolver.pattern).lstrip("^")
        for pattern in resolver.url_patterns:
            assert isinstance(pattern, URLPattern)
            paths.add("/" + prefix + str(pattern.pattern).replace("<int:pk>", "{id}"))
    return paths


def resolve(document, ref):
    node = document
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def all_refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from all_refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from all_refs(item)


def test_openapi_is_served_as_json_and_documents_every_path(client):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    assert document["servers"] == [{"url": "http://testserver/api/v2"}]
    assert router_paths() <= set(document["paths"])
    assert {"/", "/openapi.json"} <= set(document["paths"])
    # Every path is reachable on the running site (ids aside).
    for path in document["paths"]:
        if "{id}" in path or path.endswith("/find/"):
            continue
        assert client.get(f"/api/v2{path}").status_code == 200, path


def test_openapi_structure_is_valid():
    document = openapi_document()
    assert {"openapi", "info", "paths", "components"} <= set(document)
    assert document["info"]["title"]
    assert document["info"]["version"]
    operation_ids = []
    for path, item in document["paths"].items():
        assert path.startswith("/")
        for method, operation in item.items():
            assert method in {"get", "head"}, path
            assert operation["responses"], path
            operation_ids.append(operation["operationId"])
            names = set()
            for parameter in operation.get("parameters", []):
                assert parameter["in"] in {"query", "path"}
                if parameter["in"] == "path":
                    assert parameter["required"] is True
                    assert "{" + parameter["name"] + "}" in path
                assert (parameter["name"], parameter["in"]) not in names
                names.add((parameter["name"], parameter["in"]))
    assert len(operation_ids) == len(set(operation_ids))
    for ref in all_refs(document):
        assert resolve(document, ref) is not None, ref
    json.dumps(document)  # serialisable


def test_openapi_describes_every_api_field():
    document = openapi_document()
    for model in [BasePage, *content_models()]:
        schema = document["components"]["schemas"].get(
            "ContentPage" if model.__name__ == "BasePage" else model.__name__
        )
        for api_field in api_fields_for(model):
            assert api_field.name in schema["properties"], (model, api_field.name)
            assert api_field.name in FIELD_SCHEMAS


def test_every_api_field_exists_on_its_model():
    for model in [BasePage, *content_models()]:
        for api_field in api_fields_for(model):
            source = getattr(api_field.serializer, "source", None) or api_field.name
            assert hasattr(model, source) or source in {f.name for f in model._meta.get_fields()}, (
                model.__name__,
                api_field.name,
            )


def test_openapi_document_passes_a_validator_when_installed():
    validator = pytest.importorskip("openapi_spec_validator")
    validator.validate(openapi_document())


def test_api_index_links_to_everything(client):
    data = client.get("/api/v2/").json()
    assert data["endpoints"] == {
        "pages": "http://testserver/api/v2/pages/",
        "documents": "http://testserver/api/v2/documents/",
    }
    assert data["openapi"] == "http://testserver/api/v2/openapi.json"
    assert client.get(data["openapi"]).status_code == 200


def test_developer_guide_renders(client, site_tree):
    response = client.get("/developers/api/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "http://testserver/api/v2/openapi.json" in content
    assert "casestudies.CaseStudyPage" in content
    assert "format=csv" in content


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    assert "Disallow: /admin/" in lines
    assert "Disallow: /accounts/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_sitemap_lists_public_pages_and_organisations(client, corpus):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<loc>http://testserver/case-studies/online-repairs-booking/</loc>" in body
    assert "<loc>http://testserver/organisations/hackney/</loc>" in body
    assert "<loc>http://testserver/organisations/cardiff/</loc>" in body
    assert "<loc>http://testserver/accessibility/</loc>" in body


def test_security_txt_publishes_the_configured_contact(client, settings):
    settings.SECURITY_CONTACT = "security@council.example"
    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines() if line)
    assert fields["Contact"] == "mailto:security@council.example"
    assert fields["Canonical"] == "http://testserver/.well-known/security.txt"
    expires = datetime.datetime.fromisoformat(fields["Expires"])
    now = datetime.datetime.now(datetime.UTC)
    assert now < expires < now + datetime.timedelta(days=365)  # RFC 9116: under a year


def test_security_txt_keeps_an_https_contact_and_is_absent_without_one(client, settings):
    settings.SECURITY_CONTACT = "https://council.example/report-a-vulnerability"
    body = client.get("/.well-known/security.txt").content.decode()
    assert "Contact: https://council.example/report-a-vulnerability\n" in body

    settings.SECURITY_CONTACT = ""
    assert client.get("/.well-known/security.txt").status_code == 404


def schema_validator(document, name):
    jsonschema = pytest.importorskip("jsonschema")
    root = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    return jsonschema.Draft202012Validator(root)


@pytest.mark.parametrize("name", ["case_study", "brief", "business_case", "pattern"])
def test_each_content_type_answers_as_its_description_says(client, corpus, name):
    """Under the old oneOf, a case study matched both its own schema and ContentPage, so no
    typed page was valid against the published description."""
    document = openapi_document()
    response = client.get(f"/api/v2/pages/{corpus[name].pk}/")
    assert response.status_code == 200
    errors = list(schema_validator(document, "PageDetail").iter_errors(response.json()))
    assert errors == []
    listing = client.get("/api/v2/pages/", {"type": corpus[name].specific._meta.label})
    assert listing.status_code == 200
    assert list(schema_validator(document, "PageListing").iter_errors(listing.json())) == []


def _find_page_example(document) -> str:
    (parameter,) = (
        p
        for p in document["paths"]["/pages/find/"]["get"]["parameters"]
        if p["name"] == "html_path"
    )
    return parameter["example"]


def test_the_guide_and_openapi_examples_follow_renamed_index_pages(client, site_tree):
    """Editors may rename a section; the examples are read from the tree, not written out."""
    for slug, new_slug in (("case-studies", "stories"), ("organisations", "councils")):
        index = site_tree[slug]
        index.slug = new_slug
        index.save_revision().publish()

    html = client.get("/developers/api/").content.decode()
    assert "html_path=/stories/&lt;slug&gt;/" in html
    assert "as in <code>/councils/&lt;slug&gt;/</code>" in html
    assert "http://testserver/stories/?format=csv" in html
    assert "http://testserver/councils/?format=json" in html
    assert "/case-studies/" not in html
    assert "/organisations/" not in html

    document = client.get("/api/v2/openapi.json").json()
    assert _find_page_example(document) == "/stories/online-repairs/"
    assert "/case-studies/" not in json.dumps(document)
    assert document["externalDocs"]["url"] == "http://testserver/developers/api/"
    # The examples still find the page they describe.
    assert client.get("/stories/").status_code == 200


def test_the_guide_leaves_out_examples_for_a_section_that_is_not_live(client, site_tree):
    site_tree["case-studies"].unpublish()
    response = client.get("/developers/api/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/search/?q=housing&amp;format=csv" in html  # the search download is still shown
    assert "/case-studies/" not in html
