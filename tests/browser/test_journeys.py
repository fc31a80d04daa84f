"""Journeys through the real site in Chromium: a visitor, an editor and a keyboard-only user."""

import re

import pytest
from playwright.sync_api import expect

from casestudies.models import CaseStudyPage
from tests.browser.support import (
    DESKTOP,
    PHONE,
    SEARCH_NOT_READY,
    axe_violations,
    format_violations,
)

CASE_STUDY = "Housing repairs reporting online"
BRIEF = "Buying a tenant contact platform"


@SEARCH_NOT_READY
def test_visitor_searches_filters_opens_a_case_study_and_downloads_its_document(page, content):
    page.goto("/")
    search_box = page.locator("#home-search")
    search_box.fill("repairs")
    search_box.press("Enter")
    # The address is enough; the expectations below wait for what they check (under a loaded
    # CI machine the load event of this page once took more than the 10 s timeout).
    page.wait_for_url(re.compile(r"/search/\?q=repairs"), wait_until="domcontentloaded")
    results = page.locator("main")
    expect(results.get_by_role("link", name=CASE_STUDY)).to_be_visible()
    expect(results.get_by_role("link", name=BRIEF)).to_be_visible()

    page.get_by_role("checkbox", name=re.compile(r"^Case stud")).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"[?&]type="))
    expect(results.get_by_role("link", name=CASE_STUDY)).to_be_visible()
    expect(results.get_by_role("link", name=BRIEF)).to_have_count(0)

    results.get_by_role("link", name=CASE_STUDY).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CASE_STUDY)
    document_link = page.get_by_role("link", name="Evaluation report")
    expect(document_link).to_be_visible()

    # Wagtail serves PDFs inline (WAGTAILDOCS_INLINE_CONTENT_TYPES), so the browser opens the
    # document in its PDF viewer rather than saving it. Check what the click fetched, then the
    # bytes (the viewer hides the body from the page's response, so fetch it in this context).
    with page.expect_response(re.compile(r"/documents/")) as response_info:
        document_link.click()
    response = response_info.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert re.search(
        r'filename="repairs-evaluation\w*\.pdf"', response.headers["content-disposition"]
    )
    assert page.request.get(response.url).body() == content["pdf_bytes"]


def test_typing_before_the_suggestions_load_keeps_the_text_and_the_place_in_the_box(page, content):
    # Hold the suggestions library back, as a slow connection would, so that the plain box is
    # swapped for the enhanced one while the visitor is typing in it.
    held = []
    page.route(re.compile(r"accessible-autocomplete"), lambda route: held.append(route))
    page.goto("/", wait_until="domcontentloaded")
    page.locator("#home-search").click()
    page.keyboard.type("hous")
    while not held:
        page.wait_for_timeout(50)
    held[0].continue_()
    expect(page.locator(".ld-suggest input#home-search")).to_be_attached()
    expect(page.locator("#home-search")).to_be_focused()
    page.keyboard.type("ing repairs")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=housing\+repairs"), wait_until="commit")


def test_search_box_suggests_pages_as_you_type_and_still_searches_on_enter(axe_page, content):
    page = axe_page
    page.goto("/search/")
    box = page.get_by_role("combobox", name=re.compile("^Search case studies"))
    box.click()
    page.keyboard.type("repai")
    suggestions = page.get_by_role("listbox").get_by_role("option")
    expect(suggestions.filter(has_text=CASE_STUDY)).to_have_count(1)
    expect(suggestions.filter(has_text=CASE_STUDY)).to_contain_text("Case study")
    expect(box).to_have_attribute("aria-expanded", "true")
    violations = axe_violations(page)
    assert not violations, format_violations(page.url, "desktop", violations)

    # Enter with nothing chosen searches for what was typed, as it does without JavaScript.
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=repai"))

    # Choosing a suggestion with the keyboard opens that page.
    page.goto("/")
    page.locator("#home-search").click()
    page.keyboard.type("housing repairs rep")
    option = page.get_by_role("option").filter(has_text=CASE_STUDY)
    expect(option).to_have_count(1)
    violations = axe_violations(page)  # typed text on the home page's brand-coloured banner
    assert not violations, format_violations(page.url, "desktop", violations)
    for _ in range(page.get_by_role("option").count()):
        page.keyboard.press("ArrowDown")
        if "autocomplete__option--focused" in (option.get_attribute("class") or ""):
            break
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(CASE_STUDY)


@pytest.mark.parametrize("path", ["/case-studies/", "/search/?q=repairs", "/organisations/"])
def test_on_a_phone_filters_wait_behind_a_button_so_results_come_first(page, content, path):
    page.set_viewport_size(PHONE)
    page.goto(path)
    toggle = page.locator("button.ld-filter-toggle")
    expect(toggle).to_have_text("Show filters")
    first_checkbox = page.get_by_role("checkbox").first
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(first_checkbox).to_be_hidden()
    results = page.locator("#results")  # where each page's "Skip to results" link lands
    assert results.bounding_box()["y"] < PHONE["height"], "results start on the first screen"

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(toggle).to_have_text("Hide filters")
    first_checkbox.check()
    unfiltered = page.url
    page.get_by_role("button", name=re.compile("^(Apply filters|Search)$")).last.click()
    page.wait_for_url(lambda url: url != unfiltered)
    expect(page.get_by_role("button", name="Show filters (1 selected)")).to_be_visible()

    page.set_viewport_size(DESKTOP)  # beside the results: always open, no button
    expect(page.get_by_role("checkbox").first).to_be_visible()
    expect(page.locator(".ld-filter-toggle")).to_be_hidden()


def test_long_pages_list_their_sections_beside_the_text_and_after_the_summary_on_a_phone(
    page, content
):
    page.goto("/")
    page.get_by_role("link", name="Case studies").first.click()
    page.get_by_role("link", name=CASE_STUDY).click()
    contents = page.get_by_role("navigation", name="Contents")
    # all_inner_texts() does not wait, so wait for the case study itself to have arrived
    expect(page.get_by_role("heading", name=CASE_STUDY, level=1)).to_be_visible()
    expect(contents).to_be_visible()
    section_headings = page.locator("[data-contents-source] h2:not(.govuk-visually-hidden)")
    expected = [
        text.strip() for text in section_headings.all_inner_texts() if text.strip() != "At a glance"
    ]
    assert len(expected) >= 4
    expect(contents.get_by_role("link")).to_have_text(expected)

    contents.get_by_role("link", name="Documents").click()
    heading = page.get_by_role("heading", name="Documents", level=2)
    expect(heading).to_be_in_viewport()
    expect(contents).to_be_in_viewport()  # it stays beside the text while reading

    page.set_viewport_size(PHONE)
    summary_bottom = page.locator("dl.govuk-summary-list").first.bounding_box()
    listed_at = contents.bounding_box()
    first_section = section_headings.filter(has_text=expected[0]).bounding_box()
    assert summary_bottom["y"] + summary_bottom["height"] <= listed_at["y"] < first_section["y"]


def test_without_javascript_search_filters_and_pages_still_work(browser, live_server, content):
    context = browser.new_context(
        viewport=PHONE, base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto("/")
        box = page.locator("#home-search")
        expect(box).to_have_attribute("type", "search")  # the plain box, not the combobox
        box.fill("repairs")
        box.press("Enter")
        page.wait_for_url(re.compile(r"/search/\?q=repairs"), wait_until="domcontentloaded")
        expect(page.get_by_role("link", name=CASE_STUDY)).to_be_visible()

        page.goto("/case-studies/")  # filters open, no button to find them behind
        expect(page.get_by_role("checkbox").first).to_be_visible()
        expect(page.locator(".ld-filter-toggle")).to_have_count(0)

        page.get_by_role("link", name=CASE_STUDY).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(CASE_STUDY)
        expect(page.get_by_role("navigation", name="Contents")).to_be_hidden()
    finally:
        context.close()


def test_editor_creates_previews_and_publishes_a_case_study_in_the_admin(
    page, browser, live_server, content, superuser
):
    title = "Street lighting faults reported online"
    index = content["tree"]["case-studies"]

    page.goto("/admin/login/")
    page.get_by_label("Username").fill(superuser.username)
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(f"/admin/pages/add/casestudies/casestudypage/{index.pk}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill("Residents report a broken street light from their phone.")
    # BasePage uses FieldPanel("title"), not TitleFieldPanel, so the slug is not filled in from
    # the title: the editor types it on the Promote tab.
    page.get_by_role("tab", name="Promote").click()
    page.locator("#id_slug").fill("street-lighting-faults")
    page.get_by_role("tab", name="Content").click()

    page.locator('button[data-side-panel-toggle="preview"]').click()
    # Wagtail loads the preview into a second frame, then swaps it in: read whichever is newest.
    preview = page.frame_locator('.w-preview iframe[src*="/preview/"]').last
    expect(preview.get_by_role("heading", level=1)).to_have_text(title, timeout=15_000)
    assert not CaseStudyPage.objects.filter(title=title).exists(), "previewing must not save"

    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator('button[name="action-publish"]').click()
    expect(page.locator(".messages")).to_contain_text("published")

    created = CaseStudyPage.objects.get(title=title)
    assert created.live
    assert created.get_parent().pk == index.pk

    visitor = browser.new_context(base_url=live_server.url)
    try:
        anonymous = visitor.new_page()
        response = anonymous.goto(created.url)
        assert response.status == 200
        expect(anonymous.get_by_role("heading", level=1)).to_have_text(title)
    finally:
        visitor.close()


FOCUS_IS_VISIBLE = """(el) => {
    const shows = (style) =>
        (style.boxShadow && style.boxShadow !== 'none') ||
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 &&
         style.outlineColor !== 'transparent' && style.outlineColor !== 'rgba(0, 0, 0, 0)');
    if (shows(getComputedStyle(el))) return true;
    // GOV.UK checkboxes hide the native input and draw its focus ring on the label's box.
    if (el.matches('input[type=checkbox], input[type=radio]') && el.labels.length) {
        return shows(getComputedStyle(el.labels[0], '::before'));
    }
    return false;
}"""

# Every control a keyboard user must reach on the search page, each given a key to find it by.
MARK_CONTROLS = """() => {
    const selector = 'main input:not([type=hidden]), main select, main button, main summary, ' +
        'main .govuk-pagination a';
    const controls = [...document.querySelectorAll(selector)]
        .filter((el) => !el.closest('details:not([open])') || el.tagName === 'SUMMARY')
        .filter((el) => el.getClientRects().length > 0);  // not rendered here, e.g. phone-only
    controls.forEach((el, i) => { el.dataset.kbd = String(i); });
    return controls.map((el) => el.outerHTML.slice(0, 120));
}"""

ACTIVE = """() => {
    const el = document.activeElement;
    return {key: el.dataset ? el.dataset.kbd ?? null : null, tag: el.tagName,
            html: el.outerHTML.slice(0, 120), skip: el.classList.contains('govuk-skip-link')};
}"""


def tab_until(page, predicate: str, *, limit: int = 150) -> None:
    """Press Tab until document.activeElement satisfies the JS predicate; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return {predicate}; }}"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate}")


@SEARCH_NOT_READY
def test_keyboard_alone_reaches_and_operates_every_control_on_the_search_page(
    page, content, make_page
):
    for number in range(21):  # more than one page of results, so pagination is there
        make_page(CaseStudyPage, title=f"Repairs pilot {number}", summary="Repairs, faster.")
    page.goto("/search/?q=repairs")
    page.wait_for_selector("#search-q.autocomplete__input")  # the enhanced box has replaced it

    page.keyboard.press("Tab")
    first = page.evaluate(ACTIVE)
    assert first["skip"], f"the first Tab stop is {first['html']}, not the skip link"

    controls = page.evaluate(MARK_CONTROLS)
    assert any("govuk-pagination" in html or "page=" in html for html in controls), controls
    reached, invisible = set(), []
    for _ in range(len(controls) + 80):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active["tag"] == "BODY" or active["skip"]:
            break
        if not page.evaluate(f"() => ({FOCUS_IS_VISIBLE})(document.activeElement)"):
            invisible.append(active["html"])
        if active["key"] is not None:
            reached.add(int(active["key"]))
    missed = [html for i, html in enumerate(controls) if i not in reached]
    assert not missed, "Tab never reaches:\n" + "\n".join(missed)
    assert not invisible, "focus is not visible on:\n" + "\n".join(invisible)

    # Operate them: a new query with Enter, a filter with Space, sort, then the next page.
    page.goto("/search/")
    tab_until(page, "el.id === 'search-q'")
    page.keyboard.type("repairs")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q=repairs"))

    tab_until(
        page, "el.type === 'checkbox' && el.labels[0].textContent.trim().startsWith('Case stud')"
    )
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked")
    tab_until(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Apply filters'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]type="))

    tab_until(page, "el.id === 'search-sort'")
    before = page.evaluate("() => document.activeElement.value")
    page.keyboard.press("ArrowUp" if before == "newest" else "ArrowDown")  # the other option
    sort = page.evaluate("() => document.activeElement.value")
    assert sort != before, "arrow keys change the sort order"
    # The sort control sits beside the result count, with its own button.
    tab_until(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Sort'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"[?&]sort={sort}"))
    assert re.search(r"[?&]type=", page.url), "sorting kept the filter"

    tab_until(page, "el.matches('.govuk-pagination a[rel=next]')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]page=2"))
    assert re.search(rf"[?&]sort={sort}", page.url)
    assert re.search(r"[?&]type=", page.url)


def test_key_figures_keep_each_number_on_one_line_on_a_desktop_and_a_phone(page, content):
    # At the old size, "£412,000" was wider than its box in the three-across grid and broke
    # between digits ("£412,0" / "00").
    brief = content["procurement_brief"]
    brief.body = [
        (
            "key_figures",
            {
                "figures": [
                    {"value": "£1,150,000", "label": "award value"},
                    {"value": "7", "label": "suppliers bid"},
                    {"value": "24 months", "label": "maximum contract length"},
                ]
            },
        )
    ]
    brief.save_revision().publish()
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(brief.url)
        values = page.locator(".ld-key-figure__value")
        expect(values).to_have_count(3)
        for index in range(3):
            lines = values.nth(index).evaluate(
                "el => el.getBoundingClientRect().height"
                " / parseFloat(getComputedStyle(el).lineHeight)"
            )
            assert lines < 1.5, (width, values.nth(index).inner_text(), lines)
