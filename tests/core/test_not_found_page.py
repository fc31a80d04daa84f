"""Under the development settings (DEBUG on), a 404 is the site's own page, not Django's
technical page listing every route (issue 15); DJANGO_TECHNICAL_ERRORS=1 brings that back."""

import pytest

# An address no route matches; one Wagtail's page tree does not have; one a RoutablePage
# and a view refuse.
UNKNOWN = ["/no-such-file.php", "/no-such-page/", "/case-studies/no-such-study/", "/api/v2/x/"]
TECHNICAL_PAGE = "Using the URLconf defined in"


@pytest.fixture
def development(settings):
    """What localdigital/settings/dev.py changes that bears on this: DEBUG."""
    settings.DEBUG = True
    settings.TECHNICAL_ERROR_PAGES = False
    return settings


@pytest.mark.parametrize("path", UNKNOWN)
def test_an_unknown_address_shows_the_sites_404_and_lists_no_routes(
    client, site_tree, development, path
):
    response = client.get(path)
    assert response.status_code == 404
    text = response.content.decode()
    assert TECHNICAL_PAGE not in text
    assert "admin/" not in text
    if path.startswith("/api/"):
        assert response.json() == {"message": "not found"}
    else:
        assert '<h1 class="govuk-heading-xl">Page not found</h1>' in text
        assert "Skip to main content" in text  # the site's layout


def test_a_missing_slash_is_still_added_before_the_404(client, site_tree, development):
    assert client.get("/case-studies").status_code == 301


def test_django_technical_404_page_is_there_when_asked_for(client, site_tree, development):
    development.TECHNICAL_ERROR_PAGES = True
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert TECHNICAL_PAGE in response.content.decode()


def test_the_development_settings_do_not_ask_for_the_technical_page():
    from localdigital.settings import dev

    assert dev.DEBUG is True
    assert "localdigital.middleware.SiteNotFoundPageMiddleware" in dev.MIDDLEWARE
