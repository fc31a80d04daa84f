"""Confirmations show once, at the top of whichever page a form redirects to."""

from django.urls import reverse


def banners(html: str) -> int:
    return html.count('data-module="govuk-notification-banner"')


def test_signing_out_is_confirmed_on_the_home_page(client, members, site_tree):
    client.force_login(members["owner"].user)

    response = client.post("/accounts/logout/", follow=True)

    html = response.content.decode()
    assert response.redirect_chain[-1][0] == "/"
    assert "You have signed out." in html
    assert banners(html) == 1
    # Read once: the next page has no banner.
    assert banners(client.get("/").content.decode()) == 0


def test_recorded_reuse_is_confirmed_once_at_the_top_of_the_page(client, members, pattern):
    client.force_login(members["verified_same"].user)

    response = client.post(
        reverse("community:reuse", args=[pattern.pk]), {"note": "For garden waste"}, follow=True
    )

    html = response.content.decode()
    assert "reused this" in html
    assert banners(html) == 1
    assert html.index("govuk-notification-banner") < html.index("<h1")


def test_following_a_tag_is_confirmed_on_the_tag_page(client, members, make_page, org_a):
    from patterns.models import ServicePatternPage

    make_page(ServicePatternPage, organisations=[org_a], tags=["bins"])
    client.force_login(members["owner"].user)

    response = client.post(
        reverse("community:follow") + "?next=/tags/bins/",
        {"kind": "tag", "value": "bins", "frequency": "daily"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == "/tags/bins/"
    assert "You are following" in response.content.decode()
