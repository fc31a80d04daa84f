"""A brief's page speaks in the tense its stage allows: only awarded work was evaluated."""

import pytest

from casestudies.models import BriefStatus, ProcurementBriefPage


def _brief_html(client, make_page, organisation, status, **fields):
    brief = make_page(
        ProcurementBriefPage,
        title=f"Parking permits ({status})",
        organisations=[organisation],
        status=status,
        **fields,
    )
    brief.evaluation_criteria.create(criterion="Technical quality", weighting=60)
    brief.evaluation_criteria.create(criterion="Price", weighting=40)
    brief.save_revision().publish()
    return client.get(brief.url).content.decode()


@pytest.mark.parametrize("status", [BriefStatus.DRAFT, BriefStatus.OPEN])
def test_a_brief_not_yet_closed_says_how_bids_will_be_evaluated(
    client, make_page, organisation, status
):
    html = _brief_html(client, make_page, organisation, status)

    assert "How bids will be evaluated" in html
    assert "How bids were evaluated" not in html
    assert "Technical quality" in html
    assert "No supplier has been chosen yet" in html or "still being written" in html
    assert "Awarded to" not in html


def test_a_draft_brief_says_it_may_still_change(client, make_page, organisation):
    html = _brief_html(client, make_page, organisation, BriefStatus.DRAFT)

    assert "This brief is still being written" in html


def test_a_closed_brief_says_bids_are_being_evaluated(client, make_page, organisation):
    html = _brief_html(client, make_page, organisation, BriefStatus.CLOSED)

    assert "How bids are being evaluated" in html
    assert "How bids were evaluated" not in html
    assert "No contract has been awarded yet" in html


def test_an_awarded_brief_says_how_bids_were_evaluated_and_who_won(client, make_page, organisation):
    html = _brief_html(
        client, make_page, organisation, BriefStatus.AWARDED, awarded_to="Example Digital Ltd"
    )

    assert "How bids were evaluated" in html
    assert "Example Digital Ltd" in html
    assert "No supplier has been chosen yet" not in html
    assert "No contract has been awarded yet" not in html
