"""The search engine (SEARCH_URL) unreachable, hanging or answering garbage: search says so
with a 503, every other page still works, and publishing still publishes.

Each fault is a real one (tests/outages.py): a port nothing listens on, or a server on a
thread that hangs or answers bytes that are not HTTP. The database index is SQLite or
PostgreSQL as in the rest of the suite; only the engine in front of it is broken.
"""

import json
import time

from django.core.management import CommandError, call_command

import pytest

from casestudies.models import CaseStudyPage
from search import engine_sync
from search.models import PendingEngineWrite, SearchDocument
from tests import outages

UNAVAILABLE = "Search is not available at the moment"

# Every kind of public page that reads through the search service without query text, or
# not through it at all: each must answer 200 with the engine down.
PAGES_WITHOUT_SEARCH_WORDS = [
    "/",
    "/case-studies/",
    "/case-studies/?service_area=housing&order=title",
    "/procurement-briefs/",
    "/business-cases/",
    "/service-patterns/",
    "/tags/",
    "/tags/housing/",
    "/service-areas/",
    "/service-areas/housing/",
    "/organisations/",
    "/organisations/hackney/",
    "/search/",
    "/search/?type=case-study",
    "/case-studies/?format=csv",
    "/tags/housing/?format=json",
    "/api/v2/pages/?type=casestudies.CaseStudyPage",
    "/api/v2/pages/?tag=housing",
    "/feeds/",
    "/feeds/rss/all/",
    "/sitemap.xml",
]


def test_search_page_answers_503_and_says_what_to_do_instead(
    client, corpus, search_engine_unreachable
):
    response = client.get("/search/", {"q": "repairs"})

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert UNAVAILABLE in html
    # What the reader can do instead: browse the listings, and try again.
    for listing in ("/case-studies/", "/procurement-briefs/", "/business-cases/"):
        assert f'href="{listing}"' in html
    assert 'value="repairs"' in html
    # Nothing about the engine itself reaches the reader.
    assert "127.0.0.1" not in html
    assert "Traceback" not in html


def test_search_downloads_answer_503_too(client, corpus, search_engine_unreachable):
    response = client.get("/search/", {"q": "repairs", "format": "csv"})
    assert response.status_code == 503
    assert UNAVAILABLE in response.content.decode()


def test_suggestions_and_api_search_answer_503_json(client, corpus, search_engine_unreachable):
    suggest = client.get("/search/suggest/", {"q": "hous"})
    api = client.get("/api/v2/pages/", {"search": "repairs"})

    for response in (suggest, api):
        assert response.status_code == 503, response.content
        assert response["Content-Type"].startswith("application/json")
        assert response["Retry-After"] == "30"
        assert "not available" in response.json()["message"]
    assert suggest.json()["results"] == []


@pytest.mark.parametrize("path", PAGES_WITHOUT_SEARCH_WORDS)
def test_every_other_page_still_works(client, corpus, search_engine_unreachable, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)


def test_listings_are_read_from_the_database_index_while_the_engine_is_down(
    client, corpus, search_engine_unreachable
):
    listing = client.get("/case-studies/").content.decode()
    home = client.get("/").content.decode()
    assert corpus["title"].title in listing
    assert corpus["bins"].title in home


def test_an_engine_that_answers_garbage_is_unavailable_too(client, corpus, search_engine_at):
    with outages.garbage_server() as server:
        search_engine_at(server.url)
        assert client.get("/search/", {"q": "repairs"}).status_code == 503
        assert client.get("/case-studies/").status_code == 200


def test_a_hanging_engine_costs_one_timeout_then_nothing(client, corpus, search_engine_at):
    """The first search waits for the answer timeout (1 s here); after it each process
    leaves the engine alone for SEARCH_RETRY_SECONDS, so the next requests answer at once."""
    with outages.hanging_server() as server:
        search_engine_at(server.url)
        started = time.monotonic()
        first = client.get("/search/", {"q": "repairs"})
        first_took = time.monotonic() - started
        started = time.monotonic()
        second = client.get("/search/", {"q": "bins"})
        listing = client.get("/case-studies/")
        then_took = time.monotonic() - started

    assert first.status_code == 503
    assert second.status_code == 503
    assert listing.status_code == 200
    assert 0.9 <= first_took < 4, first_took
    assert then_took < 0.9, then_took


def test_publishing_while_the_engine_is_down_publishes_and_keeps_the_change(
    corpus, search_engine_unreachable
):
    page = corpus["title"]
    page.title = "Housing repairs reporting, second edition"
    page.save_revision().publish()

    page.refresh_from_db()
    assert page.live
    assert page.title.endswith("second edition")
    # The database index has it (so listings show it at once)...
    assert SearchDocument.objects.get(page_id=page.pk).title == page.title
    # ...and the engine's copy waits to be sent.
    assert PendingEngineWrite.objects.filter(page_id=page.pk).exists()


def test_kept_changes_are_sent_once_the_engine_answers(corpus, search_engine_at):
    search_engine_at(outages.closed_port_url())
    page = corpus["title"]
    page.save_revision().publish()
    page.unpublish()
    live = corpus["bins"].pk
    assert set(PendingEngineWrite.objects.values_list("page_id", flat=True)) == {page.pk}
    engine_sync.keep([live])

    with pytest.raises(CommandError, match="still unavailable; 2 page"):
        call_command("sync_search_engine")

    with outages.answering_engine() as engine:
        search_engine_at(engine.url)
        call_command("sync_search_engine")
        sent = "".join(body for path, body in engine.server.requests if "_bulk" in path)

    assert PendingEngineWrite.objects.count() == 0
    actions = [json.loads(line) for line in sent.splitlines() if line.strip()]
    # Each page's state now: the unpublished one is deleted, the live one sent as it is.
    deleted = {action["delete"]["_id"] for action in actions if "delete" in action}
    indexed = {action["index"]["_id"] for action in actions if "index" in action}
    assert deleted == {str(page.pk)}
    assert indexed == {str(live)}
    assert any(action.get("title") == corpus["bins"].title for action in actions)


def test_a_change_kept_again_during_a_sync_is_not_cleared_by_it(corpus, search_engine_at):
    """The sync clears only the writes it read: a newer one (new token) still waits."""
    page_id = corpus["title"].pk
    engine_sync.keep([page_id])
    with outages.answering_engine() as engine:
        search_engine_at(engine.url)
        backend_write = engine_sync.get_backend().after_write

        def write_then_edit(page_ids):
            backend_write(page_ids)
            engine_sync.keep([page_id])  # an editor publishes while the sync sends

        engine_sync.get_backend().after_write = write_then_edit
        engine_sync.sync_pending()

    assert PendingEngineWrite.objects.filter(page_id=page_id).exists()


def test_the_sync_task_keeps_what_the_engine_still_cannot_take(corpus, search_engine_unreachable):
    engine_sync.keep([corpus["title"].pk])
    result = engine_sync.sync_search_engine.call()
    assert result == {"sent": 0, "waiting": 1}


def test_without_search_url_there_is_nothing_to_sync(corpus, settings):
    settings.SEARCH_URL = ""
    corpus["title"].save_revision().publish()
    assert PendingEngineWrite.objects.count() == 0
    assert CaseStudyPage.objects.live().filter(pk=corpus["title"].pk).exists()
