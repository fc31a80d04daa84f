"""Every allauth page a member can reach renders in our GOV.UK layout, never allauth's own markup."""

import re
from html.parser import HTMLParser

from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import override_settings
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str

from tests.community.conftest import make_member

PASSWORD = "a-long-test-password"


class MainMarkup(HTMLParser):
    """Collects the controls and headings inside <main> that carry no GOV.UK class."""

    CHECKED = {"h1", "h2", "button", "input", "select", "textarea", "p", "a", "ul", "form"}

    def __init__(self):
        super().__init__()
        self.in_main = False
        self.unstyled: list[str] = []
        self.headings: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "main":
            self.in_main = True
            return
        if not self.in_main or tag not in self.CHECKED:
            return
        if tag == "input" and attributes.get("type") == "hidden":
            return
        if tag == "form" and attributes.get("method", "").lower() == "post":
            return  # GOV.UK has no form class; allauth's own form element is caught by its fields
        if tag in {"ul", "form"}:
            # Lists in password hints are Django's validator help; only flag allauth's menus.
            return
        if "govuk-" not in attributes.get("class", ""):
            self.unstyled.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False


def assert_govuk_page(response) -> str:
    html = response.content.decode()
    assert response.status_code == 200, response.status_code
    # Our base layout: the GOV.UK template, our service navigation and our footer.
    assert 'class="govuk-template"' in html
    assert "govuk-service-navigation" in html
    assert "ld-footer" in html
    # allauth's layout and elements: its "Menu:" list, its JavaScript, unstyled controls.
    assert "Menu:</strong>" not in html
    assert "account/js/" not in html
    parser = MainMarkup()
    parser.feed(html)
    assert not parser.unstyled, f"allauth default markup in <main>: {parser.unstyled}"
    assert re.search(r'<h1 class="govuk-(heading-l|panel__title)"', html)
    return html


@pytest.fixture
def member(members):
    return members["owner"]


@pytest.fixture
def member_client(client, member):
    client.force_login(member.user)
    return client


ANONYMOUS_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key_done",
    "account_email_verification_sent",
    "account_inactive",
    "account_request_login_code",
]
MEMBER_PAGES = [
    "account_logout",
    "account_email",
    "account_change_password",
    "account_reauthenticate",
]


@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_public_account_page_uses_the_govuk_layout(client, db, name):
    assert_govuk_page(client.get(reverse(name)))


@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_signed_in_account_page_uses_the_govuk_layout(member_client, name):
    assert_govuk_page(member_client.get(reverse(name)))


@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_signed_in_account_pages_send_anonymous_visitors_to_sign_in(client, db, name):
    response = client.get(reverse(name))
    if name == "account_logout":
        # Signing out when signed out is harmless: allauth sends the visitor home.
        assert response.status_code == 302
        return
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_set_password_page_for_an_account_without_one(client, member):
    member.user.set_unusable_password()
    member.user.save()
    client.force_login(member.user)
    html = assert_govuk_page(client.get(reverse("account_set_password")))
    assert "Set a password" in html


def test_set_password_redirects_an_account_that_has_one(member_client):
    response = member_client.get(reverse("account_set_password"))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_change_password")


@override_settings(COMMUNITY_SIGNUP_OPEN=False)
def test_signup_closed_page(client, db, org_a):
    html = assert_govuk_page(client.get(reverse("account_signup")))
    assert "Sign-up is closed" in html
    response = client.post(
        reverse("account_signup"),
        {
            "full_name": "Late Comer",
            "organisation": org_a.pk,
            "email": "late@council-a.gov.uk",
            "password1": "a-much-longer-password-1",
            "password2": "a-much-longer-password-1",
        },
    )
    assert "Sign-up is closed" in response.content.decode()
    assert not EmailAddress.objects.filter(email="late@council-a.gov.uk").exists()


def test_email_confirmation_page_with_a_good_and_a_bad_key(client, django_user_model, org_a):
    profile = make_member(
        django_user_model, username="newbie", organisation=org_a, email="newbie@council-a.gov.uk"
    )
    address = EmailAddress.objects.get(user=profile.user)
    address.verified = False
    address.save()
    key = EmailConfirmationHMAC(address).key
    html = assert_govuk_page(client.get(reverse("account_confirm_email", args=[key])))
    assert "Confirm that newbie@council-a.gov.uk is your email address" in html
    html = assert_govuk_page(client.get(reverse("account_confirm_email", args=["not-a-key"])))
    assert "This link has expired or is not valid" in html


def test_password_reset_from_key_page_with_a_good_and_a_bad_key(client, member):
    user = member.user
    url = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    # allauth stashes the key in the session and redirects to a key-less URL of the same form.
    response = client.get(url, follow=True)
    html = assert_govuk_page(response)
    assert "Choose a new password" in html
    bad = reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "x-y"})
    html = assert_govuk_page(client.get(bad, follow=True))
    assert "This link has expired" in html


def test_confirm_login_code_page(client, member):
    client.post(reverse("account_request_login_code"), {"email": member.user.email})
    html = assert_govuk_page(client.get(reverse("account_confirm_login_code")))
    assert "Enter the code we emailed you" in html
    response = client.post(reverse("account_confirm_login_code"), {"code": "WRONG-CODE"})
    assert response.status_code == 200
    assert "The code is not correct" in response.content.decode()


def test_logout_page_asks_before_signing_out(member_client):
    html = assert_govuk_page(member_client.get(reverse("account_logout")))
    assert "Are you sure you want to sign out?" in html
    member_client.post(reverse("account_logout"))
    response = member_client.get(reverse("community:profile"))
    assert response.status_code == 302


# --- Bad input: GOV.UK errors, what was typed kept, never a 500 ---------------------------


def test_change_password_errors_are_govuk_and_nothing_changes(member_client, member):
    response = member_client.post(
        reverse("account_change_password"),
        {"oldpassword": "wrong", "password1": "a-new-long-password-9", "password2": "different-9"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Your current password is not correct" in html
    assert "Enter the same password in both boxes" in html
    assert "govuk-form-group--error" in html
    assert 'href="#id_oldpassword"' in html
    # Passwords are never echoed back into the page.
    assert "a-new-long-password-9" not in html
    member.user.refresh_from_db()
    assert member.user.check_password(PASSWORD)

    html = member_client.post(reverse("account_change_password"), {}).content.decode()
    assert "Enter your current password" in html
    assert "Enter a new password" in html


def test_change_password_with_good_input_changes_it(member_client, member):
    response = member_client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "a-new-long-password-9",
            "password2": "a-new-long-password-9",
        },
    )
    assert response.status_code == 302
    member.user.refresh_from_db()
    assert member.user.check_password("a-new-long-password-9")


def test_add_email_keeps_bad_input_and_sends_a_confirmation_for_good_input(member_client, member):
    response = member_client.post(
        reverse("account_email"), {"action_add": "", "email": "not-an-email"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Error: Your email addresses" in html
    assert "Enter an email address in the correct format" in html
    assert 'value="not-an-email"' in html

    html = member_client.post(
        reverse("account_email"), {"action_add": "", "email": member.user.email}
    ).content.decode()
    assert "This email address is already on your account" in html

    response = member_client.post(
        reverse("account_email"), {"action_add": "", "email": "second@council-a.gov.uk"}
    )
    assert response.status_code == 302
    assert EmailAddress.objects.filter(email="second@council-a.gov.uk", verified=False).exists()
    assert any("second@council-a.gov.uk" in message.to for message in mail.outbox)
    html = member_client.get(reverse("account_email")).content.decode()
    assert "second@council-a.gov.uk" in html
    assert "Not confirmed" in html


def test_removing_the_main_email_address_is_refused_with_a_message(member_client, member):
    response = member_client.post(
        reverse("account_email"), {"action_remove": "", "email": member.user.email}, follow=True
    )
    html = assert_govuk_page(response)
    assert "You cannot remove your main email address" in html
    assert EmailAddress.objects.filter(email=member.user.email).exists()


def test_reauthenticate_with_a_wrong_password_says_so(member_client):
    response = member_client.post(reverse("account_reauthenticate"), {"password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "The password is not correct" in html


def test_sign_in_by_code_confirmation_is_not_offered(client, db):
    """Sign-in by code is off: the route exists in allauth's URLs but only sends you to sign in."""
    response = client.get(reverse("account_confirm_login_code"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "name", ["account_request_reauthentication_code", "account_confirm_reauthentication_code"]
)
def test_reauthentication_by_code_is_not_offered(client, member, name):
    """Confirming who you are by an emailed code is off (REAUTHENTICATION_METHODS has only the
    password): a member who types the address gets our 403 page, a visitor is sent to sign in."""
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))

    client.force_login(member.user)
    response = client.get(reverse(name))
    html = response.content.decode()
    assert response.status_code == 403
    assert 'class="govuk-template"' in html
    assert "ld-footer" in html
    assert "account/js/" not in html


COVERED_ELSEWHERE_IN_THIS_MODULE = {
    "account_request_reauthentication_code",
    "account_confirm_reauthentication_code",
    "account_set_password",
    "account_confirm_email",
    "account_reset_password_from_key",
    "account_confirm_login_code",
}


def test_every_allauth_route_is_checked_here():
    """A new allauth route (after an upgrade or a setting change) must get a GOV.UK page here."""
    from allauth.account import urls

    names = {pattern.name for pattern in urls.urlpatterns}
    checked = set(ANONYMOUS_PAGES) | set(MEMBER_PAGES) | COVERED_ELSEWHERE_IN_THIS_MODULE
    assert names - checked == set()


def test_adding_addresses_is_limited_to_ten_an_hour(member_client, member, monkeypatch):
    """Each address added is a confirmation email sent where the member says: at ten a
    minute an account could send 600 an hour."""
    import time

    def add(n):
        return member_client.post(
            reverse("account_email"), {"action_add": "", "email": f"extra{n}@council-a.gov.uk"}
        ).status_code

    assert [add(n) for n in range(10)] == [302] * 10
    five_minutes_later = time.time() + 300
    monkeypatch.setattr(time, "time", lambda: five_minutes_later)
    assert add(10) == 429
