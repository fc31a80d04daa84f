"""Confirming an email address shows one success banner, not two (issue 15)."""

import re

from django.core import mail
from django.urls import reverse

from tests.community.test_accounts import SIGNUP, confirm_link

SUCCESS_BANNER = re.compile(r'class="govuk-notification-banner govuk-notification-banner--success"')


def test_confirming_the_address_after_signing_up_shows_one_success_banner(client, org_a):
    # As a browser does: every redirect followed, so each page shows its own messages.
    client.post(reverse("account_signup"), {**SIGNUP, "organisation": org_a.pk}, follow=True)
    response = client.post(confirm_link(mail.outbox[-1]), follow=True)

    html = response.content.decode()
    assert response.wsgi_request.user.is_authenticated
    assert len(SUCCESS_BANNER.findall(html)) == 1
    assert f"You have confirmed {SIGNUP['email']}" in html
    assert "Successfully signed in" not in html


def test_signing_in_still_says_so(client, members):
    response = client.post(
        reverse("account_login"),
        {"login": members["owner"].user.email, "password": "a-long-test-password"},
        follow=True,
    )
    assert len(SUCCESS_BANNER.findall(response.content.decode())) == 1
