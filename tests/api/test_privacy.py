"""The API, sitemap and downloads never show a draft, a private page, its children or an expired page."""

import json

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from core.models import RelatedDocument
from tests.api.conftest import HIDDEN, HIDDEN_TITLES

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


def every_api_title(client):
    seen = []
    for params in (
        {},
        {"type": "wagtailcore.Page"},
        {"type": "casestudies.CaseStudyPage"},
        {"type": "casestudies.BusinessCasePage"},
        {"tag": "repairs"},
        {"organisation": "hackney"},
        {"service_area": "housing"},
    ):
        response = client.get(PAGES, {**params, "limit": 50, "fields": "_,title"})
        assert response.status_code == 200, response.content
        seen += [item["title"] for item in response.json()["items"]]
    return seen


def test_api_listings_never_show_hidden_pages(client, restricted_corpus):
    seen = every_api_title(client)
    assert "Online repairs booking" in seen
    assert "Published title" in seen
    for title in HIDDEN_TITLES:
        assert title not in seen


def test_api_details_of_hidden_pages_are_not_found(client, restricted_corpus):
    for name in HIDDEN:
        page = restricted_corpus[name]
        response = client.get(f"{PAGES}{page.pk}/")
        assert response.status_code == 404, name
        assert client.get(f"{PAGES}find/", {"id": page.pk}).status_code == 404, name
    # Nor can a restricted page be used to reach its children.
    index_id = restricted_corpus["private_index"].pk
    response = client.get(PAGES, {"child_of": index_id})
    assert response.status_code == 400
    assert response.json() == {"message": "parent page doesn't exist"}
    assert (
        client.get(
            f"{PAGES}find/", {"html_path": restricted_corpus["child_of_private"].url}
        ).status_code
        == 404
    )


def test_api_shows_the_live_version_not_a_newer_draft(client, restricted_corpus):
    data = client.get(f"{PAGES}{restricted_corpus['changed'].pk}/").json()
    assert data["title"] == "Published title"


def test_api_search_never_finds_hidden_pages(client, restricted_corpus):
    for query in ("draft", "private", "expired", "business case", "secret"):
        response = client.get(PAGES, {"search": query, "limit": 50})
        assert response.status_code == 200
        found = [item["title"] for item in response.json()["items"]]
        assert not set(found) & set(HIDDEN_TITLES), query


def test_related_pages_never_include_hidden_ones(client, restricted_corpus):
    brief = client.get(f"{PAGES}{restricted_corpus['brief'].pk}/").json()
    case_study = client.get(f"{PAGES}{restricted_corpus['case_study'].pk}/").json()
    text = json.dumps([brief, case_study])
    for title in HIDDEN_TITLES:
        assert title not in text


def _document(title, collection=None):
    document_model = get_document_model()
    document = document_model(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    document.file.save(f"{title.replace(' ', '-')}.txt", ContentFile(b"text"), save=False)
    document.save()
    return document


def test_documents_endpoint_lists_only_documents_of_public_pages(client, restricted_corpus):
    public_doc = _document("Public brief document")
    draft_doc = _document("Document of a draft")
    private_doc = _document("Document of a private page")
    root = Collection.get_first_root_node()
    secret_collection = root.add_child(name="Secret")
    CollectionViewRestriction.objects.create(
        collection=secret_collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="x",
    )
    restricted_doc = _document("Document in a private collection", secret_collection)
    orphan_doc = _document("Uploaded but not attached")
    RelatedDocument.objects.create(page=restricted_corpus["brief"], document=public_doc)
    RelatedDocument.objects.create(page=restricted_corpus["brief"], document=restricted_doc)
    RelatedDocument.objects.create(page=restricted_corpus["draft"], document=draft_doc)
    RelatedDocument.objects.create(page=restricted_corpus["private"], document=private_doc)

    response = client.get("/api/v2/documents/")
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == ["Public brief document"]
    for document in (draft_doc, private_doc, restricted_doc, orphan_doc):
        assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404


def test_documents_search_matches_title_words_and_keeps_hidden_documents_out(
    client, restricted_corpus
):
    repairs = _document("Housing repairs specification")
    pricing = _document("Repairs pricing schedule")
    hidden = _document("Housing repairs draft notes")
    RelatedDocument.objects.create(page=restricted_corpus["brief"], document=repairs)
    RelatedDocument.objects.create(page=restricted_corpus["brief"], document=pricing)
    RelatedDocument.objects.create(page=restricted_corpus["draft"], document=hidden)

    def found(query):
        response = client.get("/api/v2/documents/", {"search": query})
        assert response.status_code == 200, response.content
        return [item["title"] for item in response.json()["items"]]

    assert found("repairs") == ["Housing repairs specification", "Repairs pricing schedule"]
    assert found("HOUSING Repairs") == ["Housing repairs specification"]
    assert found('"pricing') == ["Repairs pricing schedule"]
    assert found("nothing-like-this") == []
    assert (
        found("") == found("!!!") == ["Housing repairs specification", "Repairs pricing schedule"]
    )


@pytest.mark.parametrize(
    "query", ['"', '" OR 1=1 --', "a`b", "(((", "AND", "*", "\x00", "\u202e\u05d0", "🙂" * 300]
)
def test_documents_search_answers_any_query(client, restricted_corpus, query):
    """Wagtail's own search backend answered a lone `"` with a 500 (found by fuzzing)."""
    response = client.get("/api/v2/documents/", {"search": query, "offset": 3})
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_sitemap_never_lists_hidden_pages(client, restricted_corpus):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert restricted_corpus["case_study"].url in body
    for name in HIDDEN:
        assert f"{restricted_corpus[name].url}<" not in body, name
    assert "/business-cases/" not in body


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_downloads_never_include_hidden_pages(client, restricted_corpus, fmt):
    urls = [
        "/case-studies/",
        "/procurement-briefs/",
        "/business-cases/",
        "/service-patterns/",
        "/tags/repairs/",
        "/service-areas/housing/",
        "/organisations/hackney/",
    ]
    for url in urls:
        response = client.get(url, {"format": fmt})
        # /business-cases/ is itself private: the password form, not a download.
        assert response.status_code == 200, url
        assert (url == "/business-cases/") != response.has_header("Content-Disposition"), url
        body = response.content.decode()
        for title in HIDDEN_TITLES:
            assert title not in body, (url, title)
