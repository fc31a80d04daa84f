"""Collaboration opportunities: posting, filtering, interest and closing."""

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from community.models import Interest, Opportunity, OpportunityStatus


def valid(**changes):
    closing = timezone.localdate() + datetime.timedelta(days=20)
    data = {
        "title": "Joint bulky waste booking",
        "description": "Let us buy it together.",
        "phase": "alpha",
        "seeking": ["share_funding", "conversation"],
        "budget_band": "25k_100k",
        "closing_day": str(closing.day),
        "closing_month": str(closing.month),
        "closing_year": str(closing.year),
    }
    data.update(changes)
    return data


def test_post_and_list_an_opportunity(client, members):
    client.force_login(members["owner"].user)
    response = client.post(reverse("community:opportunity_create"), valid())
    assert response.status_code == 302
    opportunity = Opportunity.objects.get()
    assert opportunity.organisation == members["owner"].organisation
    assert opportunity.share_funding
    assert opportunity.conversation
    assert not opportunity.share_ideas
    anonymous = type(client)()
    html = anonymous.get(reverse("community:opportunities")).content.decode()
    assert "Joint bulky waste booking" in html
    assert (
        "Joint bulky"
        in anonymous.get(
            reverse("community:opportunities"), {"seeking": "share_funding"}
        ).content.decode()
    )
    assert (
        "Joint bulky"
        not in anonymous.get(reverse("community:opportunities"), {"phase": "live"}).content.decode()
    )


def test_the_opportunity_form_offers_a_way_out(client, members):
    client.force_login(members["owner"].user)
    html = client.get("/collaborate/new/").content.decode()
    assert '<a class="govuk-link" href="/collaborate/">Cancel</a>' in html


def test_bad_dates_and_missing_answers_get_govuk_errors(client, members):
    client.force_login(members["owner"].user)
    cases = [
        (valid(closing_day="31", closing_month="2"), "Closing date must be a real date"),
        (valid(closing_day="", closing_month="", closing_year=""), "Enter a closing date"),
        (valid(closing_year=""), "Closing date must include a year"),
        (valid(closing_year="2001"), "Closing date must be today or in the future"),
        (valid(seeking=[]), "Select what you are looking for"),
        (valid(title=""), "Enter a title"),
    ]
    for data, message in cases:
        response = client.post(reverse("community:opportunity_create"), data)
        html = response.content.decode()
        assert response.status_code == 200, message
        assert message in html
        assert "Let us buy it together." in html
    assert not Opportunity.objects.exists()


def test_interest_notifies_the_owner(client, members, django_capture_on_commit_callbacks):
    client.force_login(members["owner"].user)
    client.post(reverse("community:opportunity_create"), valid())
    opportunity = Opportunity.objects.get()
    mail.outbox.clear()
    client.force_login(members["verified_other"].user)
    with django_capture_on_commit_callbacks(execute=True):  # the email goes after the commit
        client.post(
            reverse("community:opportunity_interest", args=[opportunity.pk]), {"message": "Yes!"}
        )
        client.post(
            reverse("community:opportunity_interest", args=[opportunity.pk]), {"message": "Again"}
        )
    assert Interest.objects.count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [members["owner"].user.email]
    assert "Council B" in mail.outbox[0].subject


def test_closed_and_past_opportunities_drop_out_of_the_open_list(client, members):
    base = {
        "organisation": members["owner"].organisation,
        "created_by": members["owner"].user,
        "description": "d",
    }
    Opportunity.objects.create(
        title="Closed one",
        status=OpportunityStatus.CLOSED,
        closing_date=timezone.localdate() + datetime.timedelta(days=5),
        **base,
    )
    Opportunity.objects.create(
        title="Past one", closing_date=timezone.localdate() - datetime.timedelta(days=1), **base
    )
    Opportunity.objects.create(
        title="Open one", closing_date=timezone.localdate() + datetime.timedelta(days=1), **base
    )
    html = client.get(reverse("community:opportunities")).content.decode()
    assert "Open one" in html
    assert "Closed one" not in html
    assert "Past one" not in html
