"""The accessibility statement follows the model statement of the public sector accessibility
regulations: compliance status, non-accessible content, how it was tested, enforcement, and
when it was prepared and last reviewed."""

import re

from home.site_tree import (
    ACCESSIBILITY_STATEMENT_PREPARED,
    ACCESSIBILITY_STATEMENT_REVIEWED,
    long_date,
)

MODEL_STATEMENT_HEADINGS = [
    ("h2", "How accessible this website is"),
    ("h2", "Feedback and contact information"),
    ("h2", "Reporting accessibility problems with this website"),
    ("h2", "Enforcement procedure"),
    ("h2", "Compliance status"),
    ("h2", "Non-accessible content"),
    ("h3", "Non-compliance with the accessibility regulations"),
    ("h3", "Disproportionate burden"),
    ("h3", "Content that is not within the scope of the accessibility regulations"),
    ("h2", "How we tested this website"),
    ("h2", "Preparation of this accessibility statement"),
]


def test_the_statement_has_every_section_of_the_model_statement(client, site_tree):
    html = client.get("/accessibility/").content.decode()
    found = re.findall(r"<(h[23])[^>]*>([^<]+)</h[23]>", html)
    headings = [(level, text.strip()) for level, text in found]
    missing = [heading for heading in MODEL_STATEMENT_HEADINGS if heading not in headings]
    assert not missing
    assert "This website is partially compliant with the Web Content Accessibility" in html
    assert "Guidelines version 2.2 AA standard" in html


def test_the_statement_says_when_it_was_prepared_and_last_reviewed(client, site_tree):
    html = client.get("/accessibility/").content.decode()
    prepared = long_date(ACCESSIBILITY_STATEMENT_PREPARED)
    reviewed = long_date(ACCESSIBILITY_STATEMENT_REVIEWED)
    assert f"This statement was prepared on {prepared}." in html
    assert f"It was last reviewed on {reviewed}." in html
    # And the page's own review date, which editors update when they review it.
    assert (
        f'Last reviewed <time datetime="{ACCESSIBILITY_STATEMENT_REVIEWED:%Y-%m-%d}">{reviewed}'
        in html
    )
