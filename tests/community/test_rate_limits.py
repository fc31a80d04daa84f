"""Rate limits on every public form, on the cache."""

from django.urls import reverse

from community.models import Comment


def test_comments_are_rate_limited(client, members, pattern, settings):
    settings.COMMUNITY_RATE_LIMITS = {**settings.COMMUNITY_RATE_LIMITS, "comment": (2, 3600)}
    client.force_login(members["owner"].user)
    url = reverse("community:comment", args=[pattern.pk])
    statuses = [client.post(url, {"body": f"Comment {n}"}).status_code for n in range(3)]
    assert statuses == [302, 302, 429]
    assert Comment.objects.count() == 2
    # Reading the form is never limited.
    assert client.get(url).status_code == 200


def test_declaration_applications_are_rate_limited(client, declaration_page, settings):
    settings.COMMUNITY_RATE_LIMITS = {**settings.COMMUNITY_RATE_LIMITS, "declaration": (1, 3600)}
    url = declaration_page.url + "sign/"
    assert client.post(url, {}).status_code == 200  # invalid, but counted
    response = client.post(url, {})
    assert response.status_code == 429
    assert "too many times" in response.content.decode()


def test_sign_up_is_rate_limited_by_allauth(client, org_a, settings):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "1/h/ip"}
    client.post(reverse("account_signup"), {})
    assert client.post(reverse("account_signup"), {}).status_code == 429
