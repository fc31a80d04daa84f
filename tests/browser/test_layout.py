"""Layout a reader relies on at common widths: the header menu on one row on a laptop and
open behind "Menu" on a phone, and every column of the organisations table readable on a phone."""

from django.conf import settings
from django.test import Client

from tests.browser.support import DESKTOP, PHONE, layout_problems


def item_rows(tab, selector: str) -> set[int]:
    return set(
        tab.eval_on_selector_all(
            selector, "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
        )
    )


def menu_height(tab) -> tuple[float, float]:
    """The service navigation list's height, and one item's."""
    listed = tab.locator(".govuk-service-navigation__list").bounding_box()
    item = tab.locator(".govuk-service-navigation__item").first.bounding_box()
    return listed["height"], item["height"]


def assert_one_row(tab, when: str):
    rows = item_rows(tab, ".govuk-service-navigation__item")
    assert len(rows) == 1, f"{when}, the menu is on {len(rows)} rows"
    height, item = menu_height(tab)
    assert height < item * 1.5, f"{when}, the menu is {height}px high (one item: {item}px)"
    widths = tab.eval_on_selector(
        ".govuk-service-navigation__container",
        "box => [box.scrollWidth, box.clientWidth]",
    )
    assert widths[0] <= widths[1], f"{when}, the menu runs off the side: {widths}"


def test_the_header_menu_holds_whats_on_on_one_row_at_1280_pixels(
    page, community, live_server, django_user_model
):
    page.set_viewport_size(DESKTOP)
    page.goto("/")
    items = page.locator(".govuk-service-navigation__item")
    # The navigation follows the tree: the five sections, What's on and the Declaration
    # page, Collaborate, Search and "Sign in".
    assert items.count() == 10
    assert page.get_by_role("link", name="Declaration", exact=True).is_visible()
    assert page.get_by_role("link", name="What’s on", exact=True).is_visible()
    assert_one_row(page, "signed out")

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
    assert_one_row(page, "signed in")


def test_on_a_phone_the_menu_opens_and_reaches_whats_on(page, community):
    page.set_viewport_size(PHONE)
    page.goto("/")
    menu = page.get_by_role("button", name="Menu")
    whats_on = page.get_by_role("link", name="What’s on", exact=True)
    assert menu.is_visible()
    assert not whats_on.is_visible()  # closed behind the button until asked for
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    box = whats_on.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"]
    # WCAG 2.2 target size (minimum): the link, or the row it sits in, 24 pixels high.
    row = page.locator(".govuk-service-navigation__item", has=whats_on).bounding_box()
    assert max(box["height"], row["height"]) >= 24, "too small to tap"
    whats_on.click()
    page.wait_for_url("**/whats-on/")
    assert page.get_by_role("heading", level=1).inner_text() == "What’s on"
    assert not layout_problems(page)


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
