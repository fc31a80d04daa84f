"""Layout a reader relies on at common widths: the header menu on one row on a laptop, and
every column of the organisations table readable on a phone."""

from django.conf import settings
from django.test import Client

from tests.browser.support import DESKTOP, PHONE, layout_problems


def item_rows(tab, selector: str) -> set[int]:
    return set(
        tab.eval_on_selector_all(
            selector, "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
        )
    )


def test_the_header_menu_is_on_one_row_at_1280_pixels(
    page, community, live_server, django_user_model
):
    page.set_viewport_size(DESKTOP)
    page.goto("/")
    items = page.locator(".govuk-service-navigation__item")
    # The navigation follows the tree: the five sections and the Declaration page,
    # Collaborate, Search and "Sign in".
    assert items.count() == 9
    assert page.get_by_role("link", name="Declaration", exact=True).is_visible()
    rows = item_rows(page, ".govuk-service-navigation__item")
    assert len(rows) == 1, f"the menu is on {len(rows)} rows"

    # Signed in, "Your profile" is longer than "Sign in".
    user = django_user_model.objects.create_user("reader", "reader@example.org", "a-long-pass")
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    page.goto("/")
    assert page.get_by_role("link", name="Your profile").is_visible()
    rows = item_rows(page, ".govuk-service-navigation__item")
    assert len(rows) == 1, f"signed in, the menu is on {len(rows)} rows"


def test_on_a_phone_every_column_of_the_organisations_table_is_on_screen(page, content):
    page.set_viewport_size(PHONE)
    page.goto(content["tree"]["organisations"].url)
    first_row = page.locator("table tbody tr").first
    cells = first_row.locator("td")
    assert cells.count() == 3
    for index, label in enumerate(("Type", "Place", "Published")):
        box = cells.nth(index).bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= PHONE["width"], f"{label} is off the side of the screen"
        # Each value says which column it is, since the header row is not beside it.
        assert cells.nth(index).inner_text().startswith(label)
    hackney = page.locator("table tbody tr", has_text="Hackney")
    assert "London" in hackney.inner_text()  # its place, readable without scrolling sideways
    assert not layout_problems(page)

    # On a desktop it is an ordinary table: the labels are the column headers, not repeated.
    page.set_viewport_size(DESKTOP)
    assert page.locator("table thead").is_visible()
    assert not first_row.locator(".ld-stacked-table__label").first.is_visible()
