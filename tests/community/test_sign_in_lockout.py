"""Sign-in lockouts stop the attacking address, never the member everywhere, and a locked-out
member signs in with a code emailed to them (issue 14)."""

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest
from axes.models import AccessAttempt

PASSWORD = "a-long-test-password"
ATTACKER = "203.0.113.5"
MEMBER_HOME = "198.51.100.7"


@pytest.fixture
def client_factory():
    """Another browser: its own cookies, its own session."""
    return Client


def sign_in(client, address, *, login="owner@example.org", password=PASSWORD):
    return client.post(
        reverse("account_login"), {"login": login, "password": password}, REMOTE_ADDR=address
    )


def emailed_code(message) -> str:
    return re.search(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4})\s*$", message.body, re.MULTILINE).group(1)


def test_wrong_passwords_from_one_address_never_lock_the_member_out_at_another(
    client, members, client_factory
):
    for _ in range(12):
        sign_in(client, ATTACKER, password="wrong")
    member = client_factory()
    response = sign_in(member, MEMBER_HOME)
    assert response.status_code == 302
    assert member.get(reverse("community:profile")).status_code == 200


def test_the_attacking_address_is_locked_out_for_that_account(client, members):
    for _ in range(5):
        sign_in(client, ATTACKER, password="wrong")
    locked = sign_in(client, ATTACKER)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Too many attempts" in html
    assert reverse("account_request_login_code") in html


def test_an_address_guessing_at_many_accounts_is_stopped_for_every_account(
    client, members, client_factory
):
    for number in range(10):
        sign_in(client, ATTACKER, login=f"guess-{number}@example.org", password="wrong")
    # Even a right password is refused from there for a while; from elsewhere it works.
    refused = sign_in(client, ATTACKER, login="same@example.org")
    assert refused.status_code != 302
    assert "tried too many times" in refused.content.decode()
    assert sign_in(client_factory(), MEMBER_HOME, login="same@example.org").status_code == 302


def test_a_locked_out_member_signs_in_with_an_emailed_code_and_the_lockout_ends(client, members):
    for _ in range(5):
        sign_in(client, MEMBER_HOME, password="wrong")
    assert sign_in(client, MEMBER_HOME).status_code == 429
    mail.outbox.clear()
    response = client.post(
        reverse("account_request_login_code"),
        {"email": "owner@example.org"},
        REMOTE_ADDR=MEMBER_HOME,
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_confirm_login_code")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["owner@example.org"]
    code = emailed_code(mail.outbox[0])
    response = client.post(
        reverse("account_confirm_login_code"), {"code": code}, REMOTE_ADDR=MEMBER_HOME
    )
    assert response.status_code == 302
    assert client.get(reverse("community:profile")).status_code == 200
    # The lockout at the member's own address is gone: the password works there again.
    assert not AccessAttempt.objects.filter(ip_address=MEMBER_HOME).exists()
    client.post(reverse("account_logout"))
    assert sign_in(client, MEMBER_HOME).status_code == 302


def test_the_lockout_of_the_attacking_address_outlives_the_members_code_sign_in(
    client, members, client_factory
):
    for _ in range(5):
        sign_in(client, ATTACKER, password="wrong")
    member = client_factory()
    member.post(
        reverse("account_request_login_code"),
        {"email": "owner@example.org"},
        REMOTE_ADDR=MEMBER_HOME,
    )
    member.post(
        reverse("account_confirm_login_code"),
        {"code": emailed_code(mail.outbox[-1])},
        REMOTE_ADDR=MEMBER_HOME,
    )
    assert member.get(reverse("community:profile")).status_code == 200
    assert sign_in(client, ATTACKER).status_code == 429


def test_a_code_is_single_use(client, members, client_factory):
    client.post(reverse("account_request_login_code"), {"email": "owner@example.org"})
    code = emailed_code(mail.outbox[-1])
    assert client.post(reverse("account_confirm_login_code"), {"code": code}).status_code == 302
    client.post(reverse("account_logout"))
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert client.get(reverse("community:profile")).status_code == 302
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_request_login_code"))


def test_asking_for_a_code_answers_the_same_whether_or_not_the_account_exists(
    client_factory, members
):
    known, unknown = client_factory(), client_factory()
    mail.outbox.clear()
    to_known = known.post(
        reverse("account_request_login_code"), {"email": "owner@example.org"}, follow=True
    )
    to_unknown = unknown.post(
        reverse("account_request_login_code"), {"email": "nobody@example.org"}, follow=True
    )
    assert to_known.redirect_chain == to_unknown.redirect_chain
    assert to_known.status_code == to_unknown.status_code == 200

    def page(response, email):
        return response.content.decode().replace(email, "EMAIL")

    known_html = re.sub(
        r'name="csrfmiddlewaretoken" value="[^"]+"', "", page(to_known, "owner@example.org")
    )
    unknown_html = re.sub(
        r'name="csrfmiddlewaretoken" value="[^"]+"', "", page(to_unknown, "nobody@example.org")
    )
    assert known_html == unknown_html
    # The owner of an unknown address is told no account uses it; nobody else learns that.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "nobody@example.org",
        "owner@example.org",
    ]
