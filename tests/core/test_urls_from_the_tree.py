"""Links follow the page tree: rename a section in the admin and every link moves with it;
the service navigation is the home page's children that editors show in menus."""

import re

from django.conf import settings

import pytest

from casestudies.models import CaseStudyPage

SITE = settings.SITE_URL


@pytest.fixture
def renamed_directory(site_tree, make_page, organisation):
    """A case study by Hackney, then the organisations index renamed from /organisations/."""
    make_page(CaseStudyPage, title="Bins by text message", organisations=[organisation])
    index = site_tree["organisations"]
    index.slug = "councils"
    index.save_revision().publish()
    return index


def _hrefs(html: str) -> set[str]:
    return set(re.findall(r'href="([^"]*)"', html))


def test_a_renamed_organisations_index_moves_every_link_to_an_organisation(
    client, site_tree, renamed_directory
):
    new, old = "/councils/hackney/", "/organisations/hackney/"
    pages = {
        "listing card": client.get(site_tree["case-studies"].url),
        "search results": client.get("/search/", {"q": "bins"}),
        "directory": client.get("/councils/"),
        "case study page": client.get(CaseStudyPage.objects.get().url),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        hrefs = _hrefs(response.content.decode())
        if name != "search results":  # its cards name no organisation
            assert new in hrefs or f"{SITE}{new}" in hrefs, name
        assert not any("/organisations/" in href for href in hrefs), name
    assert client.get(new).status_code == 200
    assert client.get(old).status_code == 404

    download = client.get("/councils/", {"format": "json"}).json()
    urls = {row["url"] for row in (download["results"] if isinstance(download, dict) else download)}
    assert f"{SITE}{new}" in urls
    assert not any("/organisations/" in url for url in urls)


def _navigation(client) -> list[tuple[str, str]]:
    html = client.get("/").content.decode()
    menu = html[html.index('id="navigation"') : html.index("</ul>", html.index('id="navigation"'))]
    return [
        (re.sub(r"<[^>]+>|\s+", " ", label).strip(), href)
        for href, label in re.findall(
            r'<a class="govuk-service-navigation__link" href="([^"]*)"[^>]*>(.*?)</a>', menu, re.S
        )
    ]


def test_the_navigation_is_the_home_pages_children_shown_in_menus_in_tree_order(client, site_tree):
    # Two sections start with the shorter labels that let ten fit one row (menu_label).
    assert _navigation(client)[:6] == [
        ("Case studies", "/case-studies/"),
        ("Procurement", "/procurement-briefs/"),
        ("Business cases", "/business-cases/"),
        ("Patterns", "/service-patterns/"),
        ("Organisations", "/organisations/"),
        ("What’s on", "/whats-on/"),
    ]
    # Standard pages are linked from the footer, not the menu.
    assert not any(href == site_tree["about"].url for _label, href in _navigation(client))


def test_the_navigation_follows_a_renamed_section(client, site_tree):
    index = site_tree["case-studies"]
    index.title = "Stories"
    index.slug = "stories"
    index.save_revision().publish()

    navigation = _navigation(client)
    assert ("Stories", "/stories/") in navigation
    assert not any(href == "/case-studies/" for _label, href in navigation)


def test_the_navigation_shows_the_label_editors_gave_a_section(client, site_tree):
    index = site_tree["business-cases"]
    index.menu_label = "Cases"
    index.save_revision().publish()
    assert ("Cases", "/business-cases/") in _navigation(client)

    index.menu_label = ""
    index.save_revision().publish()
    assert ("Business cases", "/business-cases/") in _navigation(client)


def test_a_page_hidden_from_menus_leaves_the_navigation(client, site_tree):
    index = site_tree["business-cases"]
    index.show_in_menus = False
    index.save_revision().publish()

    assert "/business-cases/" not in [href for _label, href in _navigation(client)]
    assert client.get("/business-cases/").status_code == 200


def test_a_page_shown_in_menus_joins_the_navigation(client, site_tree):
    about = site_tree["about"]
    about.show_in_menus = True
    about.save_revision().publish()

    assert ("About Local Digital", "/about/") in _navigation(client)


def _footer(client, path="/") -> list[tuple[str, str]]:
    html = client.get(path).content.decode()
    footer = html[html.index('class="govuk-footer__inline-list"') :]
    footer = footer[: footer.index("</ul>")]
    return re.findall(r'<a class="govuk-footer__link" href="([^"]*)">([^<]*)</a>', footer)


def test_the_footer_links_the_standard_pages_from_the_tree(client, site_tree):
    assert _footer(client) == [
        ("/about/", "About Local Digital"),
        ("/accessibility/", "Accessibility statement"),
        ("/privacy/", "Privacy notice"),
        ("/api/v2/", "API"),
    ]


def test_the_footer_follows_a_renamed_standard_page_and_leaves_out_one_in_the_menu(
    client, site_tree
):
    privacy = site_tree["privacy"]
    privacy.slug = "privacy-notice"
    privacy.save_revision().publish()
    about = site_tree["about"]
    about.show_in_menus = True
    about.save_revision().publish()

    hrefs = [href for href, _label in _footer(client, site_tree["case-studies"].url)]
    assert "/privacy-notice/" in hrefs
    assert "/privacy/" not in hrefs
    assert "/about/" not in hrefs  # it is in the service navigation now
    assert client.get("/privacy-notice/").status_code == 200
