"""The home page invites signing the Declaration and sharing work, with links from the page
tree, and its search box is the site's one search component."""

import re
from html.parser import HTMLParser

from django.urls import reverse

import pytest

from community.models import DeclarationPage


@pytest.fixture
def declaration(site_tree):
    page = site_tree["home"].add_child(
        instance=DeclarationPage(title="The Local Digital Declaration", slug="the-declaration")
    )
    page.save_revision().publish()
    return page


class _IdsInside(HTMLParser):
    """The ids of the elements inside the first element with `css_class`."""

    VOID = frozenset({"input", "img", "br", "hr", "meta", "link", "source", "wbr"})

    def __init__(self, css_class):
        super().__init__()
        self.css_class, self.depth, self.done, self.ids = css_class, 0, False, set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.ids.add(attrs.get("id"))
            self.depth += tag not in self.VOID
        elif not self.done and self.css_class in (attrs.get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID:
            self.depth -= 1
            self.done = self.done or not self.depth


def _ids_inside(html, css_class):
    parser = _IdsInside(css_class)
    parser.feed(html)
    return parser.ids


def _home(client, site_tree):
    return client.get(site_tree["home"].url).content.decode()


def test_home_page_invites_signing_the_declaration_at_its_place_in_the_tree(
    client, site_tree, declaration
):
    html = _home(client, site_tree)

    sign_url = declaration.url + declaration.reverse_subpage("sign")
    assert sign_url.startswith("/the-declaration/")  # where the tree puts it, not a fixed path
    assert re.search(rf'<a href="{sign_url}" role="button"[^>]*class="govuk-button"', html)
    assert f'href="{declaration.url}"' in html
    assert client.get(sign_url).status_code in (200, 302)


def test_home_page_invites_sharing_work(client, site_tree, declaration):
    html = _home(client, site_tree)

    assert re.search(
        rf'<a href="{reverse("community:contribute")}" role="button"[^>]*govuk-button--secondary',
        html,
    )
    assert f'href="{reverse("account_signup")}"' in html


def test_home_page_leaves_out_the_declaration_while_it_is_not_live(client, site_tree, declaration):
    declaration.unpublish()

    html = _home(client, site_tree)

    assert "Sign the Declaration" not in html
    assert "Share your work" in html


def test_home_search_is_the_same_component_as_the_search_page(client, site_tree):
    html = _home(client, site_tree)
    search_page = client.get(reverse("search")).content.decode()
    button = '<button type="submit" class="govuk-button" data-module="govuk-button">Search</button>'

    # On the brand-coloured banner the button was restyled white; now it sits below it.
    assert "home-search" not in _ids_inside(html, "ld-hero")
    assert "home-search" in _ids_inside(html, "govuk-main-wrapper")
    assert button in html
    assert 'class="govuk-button" data-module="govuk-button" type="submit">Search</button>' in (
        search_page
    )
    assert f'action="{reverse("search")}"' in html


def test_home_topic_links_come_from_the_tree_and_url_names(client, site_tree):
    html = _home(client, site_tree)

    assert f'href="{site_tree["organisations"].url}"' in html
    assert f'href="{site_tree["service-patterns"].url}?order=most-reused"' in html
    assert f'href="{reverse("service_area_index")}"' in html
    assert f'href="{reverse("tag_index")}"' in html
