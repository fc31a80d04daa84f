"""Feed items carry the page's own date, not the moment the page happened to be published."""

import datetime
from xml.etree import ElementTree

from django.urls import reverse

import pytest

from casestudies.models import CaseStudyPage

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def shared_in_2021(make_page, organisation):
    # Published today (as an import or the demo load would), but shared years ago.
    return make_page(
        CaseStudyPage,
        title="Repairs online",
        organisations=[organisation],
        date=datetime.date(2021, 3, 4),
    )


def test_rss_item_is_dated_by_the_page_date(client, shared_in_2021):
    response = client.get(reverse("community:feed_all", args=["rss"]))
    item = ElementTree.fromstring(response.content).find("channel/item")  # noqa: S314 - our feed

    assert item.findtext("title") == "Repairs online"
    assert item.findtext("pubDate").startswith("Thu, 04 Mar 2021")


def test_atom_entry_is_published_and_updated_on_the_page_date(client, shared_in_2021):
    response = client.get(reverse("community:feed_all", args=["atom"]))
    entry = ElementTree.fromstring(response.content).find(f"{ATOM}entry")  # noqa: S314 - our feed

    assert entry.findtext(f"{ATOM}published").startswith("2021-03-04")
    assert entry.findtext(f"{ATOM}updated").startswith("2021-03-04")
