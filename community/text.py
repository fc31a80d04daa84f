"""Member-supplied text: stored as plain text, turned into safe paragraphs for rich fields."""

import html
import re

from django.utils.html import escape

import nh3

# Characters that change how a name is shown without being seen: bidirectional overrides,
# embeddings, isolates and marks (a name could read backwards in a moderator's list) and
# zero-width ones (two names that look the same and are not).
INVISIBLE_IN_NAMES = re.compile(
    "[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def plain_text(value: str) -> str:
    """Strip any markup a member typed or pasted; keep line breaks; tidy whitespace."""
    if not value:
        return ""
    # Escape "&" first, so an entity the member typed as text ("&lt;img&gt;") stays that text
    # rather than being read as the character it names and becoming markup once unescaped.
    cleaned = nh3.clean(value.replace("&", "&amp;"), tags=set(), attributes={}, strip_comments=True)
    # nh3 escapes the text it keeps; we store plain text, so undo exactly that escaping.
    cleaned = html.unescape(cleaned)
    lines = [
        line.rstrip() for line in cleaned.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    return "\n".join(lines).strip()


def person_name(value: str) -> str:
    """A member's name as plain text, without characters that could disguise it."""
    return " ".join(INVISIBLE_IN_NAMES.sub("", plain_text(value)).split())


def paragraphs_html(value: str) -> str:
    """Plain text to `<p>` paragraphs for a Wagtail rich text field, every character escaped."""
    blocks = [block.strip() for block in plain_text(value).split("\n\n") if block.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in block.split("\n")) + "</p>"
        for block in blocks
    )
