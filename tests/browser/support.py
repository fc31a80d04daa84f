"""Helpers for the browser tests: run axe-core, report its violations, save screenshots."""

from pathlib import Path

from django.conf import settings
from django.urls import NoReverseMatch, reverse

import pytest

SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
MEMBER_PASSWORD = "a-long-test-password"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _search_is_routable() -> bool:
    try:
        reverse("search")
    except NoReverseMatch:
        return False
    return True


SEARCH_NOT_READY = pytest.mark.xfail(
    not _search_is_routable(),
    reason="/search/ is not routable yet (the search app is being built in search/)",
    strict=False,
)


def axe_violations(tab, *, allow: dict[str, str] | None = None) -> list[dict]:
    """Run axe-core with the WCAG 2.0/2.1/2.2 A and AA rules; return violations not allowed.

    axe is added as an init script by the `axe_page` fixture: an injected <script> tag would be
    refused by our Content Security Policy, and the CSP must stay on so we test what users get.
    """
    results = tab.evaluate(
        """(tags) => axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
        })""",
        WCAG_TAGS,
    )
    allow = allow or {}
    return [v for v in results["violations"] if v["id"] not in allow]


def layout_problems(tab) -> list[str]:
    """What axe cannot see: the page scrolling sideways (WCAG 1.4.10, reflow: checked at 375
    pixels) and a heading with no space between it and the block before it."""
    return tab.evaluate(
        r"""() => {
            const problems = [];
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth) {
                // Name the elements whose right edge is the page's width (those inside a region
                // that scrolls on its own do not count), so the report says what to fix.
                const wide = [...document.body.querySelectorAll('*')]
                    .filter((el) => Math.abs(el.getBoundingClientRect().right - root.scrollWidth) <= 2)
                    .slice(-3)
                    .map((el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : ''}`);
                problems.push(`the page scrolls sideways: ${root.scrollWidth}px of content in ${root.clientWidth}px (${wide.join(', ')})`);
            }
            for (const heading of document.querySelectorAll('main h2, main h3')) {
                const before = heading.previousElementSibling;
                if (!before || !before.getClientRects().length || !heading.getClientRects().length) continue;
                // From the bottom of what the block shows (its contents' boxes, so a form whose
                // last button carries the space below it is measured from the button).
                const shown = document.createRange();
                shown.selectNodeContents(before);
                const bottom = Math.max(...[...shown.getClientRects()].map((r) => r.bottom), before.getBoundingClientRect().top);
                const gap = Math.round(heading.getBoundingClientRect().top - bottom);
                if (gap < 5) {
                    problems.push(`"${heading.textContent.trim()}" sits ${gap}px below the ${before.tagName.toLowerCase()} before it`);
                }
            }
            return problems;
        }"""
    )


def format_violations(url: str, width: str, violations: list[dict]) -> str:
    lines = [f"{url} at {width}: {len(violations)} axe violation(s)"]
    for violation in violations:
        lines.append(f"  - {violation['id']} [{violation['impact']}] {violation['help']}")
        for node in violation["nodes"][:8]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"      {target}")
        if len(violation["nodes"]) > 8:
            lines.append(f"      ... and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


def screenshot(tab, name: str, width: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{width}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path


def sign_in(tab, email: str, password: str) -> None:
    """Sign in through the real form, as a member would, and wait for the profile page."""
    tab.goto("/accounts/login/")
    tab.get_by_label("Email address").fill(email)
    tab.get_by_label("Password").fill(password)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url("**/members/profile/")
