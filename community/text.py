"""Member-supplied text: stored as plain text, turned into safe paragraphs for rich fields."""

from django.utils.html import escape

import nh3


def plain_text(value: str) -> str:
    """Strip any markup a member typed or pasted; keep line breaks; tidy whitespace."""
    if not value:
        return ""
    cleaned = nh3.clean(value, tags=set(), attributes={}, strip_comments=True)
    # nh3 escapes the characters it keeps; we store plain text, so undo just that escaping.
    cleaned = (
        cleaned.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&#39;", "'")
        .replace("&amp;", "&")
    )
    lines = [
        line.rstrip() for line in cleaned.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    return "\n".join(lines).strip()


def paragraphs_html(value: str) -> str:
    """Plain text to `<p>` paragraphs for a Wagtail rich text field, every character escaped."""
    blocks = [block.strip() for block in plain_text(value).split("\n\n") if block.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in block.split("\n")) + "</p>"
        for block in blocks
    )
