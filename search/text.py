"""Pure text functions: clean and parse what users type, flatten what editors write, mark hits.

Nothing here touches the database, so every backend sees the same, already-safe terms.
"""

import html
import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_TERM_LENGTH = 40
MAX_INDEXED_BODY = 200_000

# Markers the engines put around matched words; stripped from indexed text so they are unique.
MARK_START = "\x02"
MARK_END = "\x03"

# Letters and digits only: nothing that any engine could read as syntax survives.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
PHRASE_RE = re.compile(r'"([^"]*)"')
TAG_RE = re.compile(r"<[^>]*>")
SPACE_RE = re.compile(r"\s+")

# Common English words dropped from matching (never from quoted phrases). PostgreSQL's
# english configuration drops its own list; FTS5 and our Elasticsearch mapping keep them,
# so dropping them here makes the backends agree on what "all the words" means.
STOPWORDS = frozenset(
    """a about an and are as at be been but by can could did do does done for from had has
    have how i if in into is it its me my no not of on or our so that the their them
    then there these they this those to was we were what when where which who whom why
    will with would you your""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Term:
    """One thing to match: a word, or a phrase of several words in order."""

    words: tuple[str, ...]

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # the cleaned query, as shown back to the reader
    terms: tuple[Term, ...]
    truncated: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.terms

    @property
    def words(self) -> list[str]:
        return [word for term in self.terms for word in term.words]


def strip_control_characters(value: str) -> str:
    """Drop NUL, control and formatting characters (bidi overrides too); keep spacing."""
    value = unicodedata.normalize("NFKC", value)
    return "".join(
        " " if char in "\t\n\r" else char
        for char in value
        if char in "\t\n\r" or not unicodedata.category(char).startswith("C")
    )


def clean_query(raw: str | None) -> tuple[str, bool]:
    """The query bounded in length with control characters removed; and whether it was cut."""
    if not raw:
        return "", False
    raw = raw[: MAX_QUERY_LENGTH * 4]
    text = SPACE_RE.sub(" ", strip_control_characters(raw)).strip()
    truncated = len(text) > MAX_QUERY_LENGTH
    return text[:MAX_QUERY_LENGTH].strip(), truncated


def words_of(text: str) -> list[str]:
    return [word[:MAX_TERM_LENGTH] for word in WORD_RE.findall(text.casefold())]


def parse_query(raw: str | None) -> ParsedQuery:
    """Words and "quoted phrases" from user input; stopwords dropped outside phrases.

    Unbalanced quotes are ignored; operators, wildcards and brackets are just punctuation.
    """
    text, truncated = clean_query(raw)
    terms: list[Term] = []
    seen: set[tuple[str, ...]] = set()
    loose_words: list[str] = []
    position = 0
    for match in PHRASE_RE.finditer(text):
        loose_words.extend(words_of(text[position : match.start()]))
        phrase = tuple(words_of(match.group(1)))
        if phrase and phrase not in seen:
            seen.add(phrase)
            terms.append(Term(phrase))
        position = match.end()
    loose_words.extend(words_of(text[position:].replace('"', " ")))
    meaningful = [word for word in loose_words if word not in STOPWORDS]
    # A query made only of stopwords ("the who") still searches for them.
    for word in meaningful or ([] if terms else loose_words):
        if (word,) not in seen:
            seen.add((word,))
            terms.append(Term((word,)))
    return ParsedQuery(text=text, terms=tuple(terms[:MAX_TERMS]), truncated=truncated)


def fts5_match_expression(terms, *, any_term: bool = False, prefix_last: bool = False) -> str:
    """An FTS5 MATCH string in which every term is a double-quoted string (so never syntax)."""
    parts = []
    for index, term in enumerate(terms):
        quoted = '"' + " ".join(term.words).replace('"', "") + '"'
        if prefix_last and index == len(terms) - 1 and not term.is_phrase:
            quoted += "*"
        parts.append(quoted)
    return (" OR " if any_term else " AND ").join(parts)


def html_to_text(value: str) -> str:
    """Rich text to plain text for indexing: tags out, entities decoded, spacing collapsed."""
    if not value:
        return ""
    text = html.unescape(TAG_RE.sub(" ", value))
    return SPACE_RE.sub(" ", text.replace(MARK_START, "").replace(MARK_END, "")).strip()


SKIPPED_BLOCK_KEYS = frozenset({"type", "id", "level", "image", "document", "page", "alt"})


def stream_text(raw) -> list[str]:
    """Every string an editor wrote in raw StreamField data, without building block objects."""
    parts: list[str] = []
    stack = [raw]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if item:
                parts.append(html_to_text(item) if "<" in item or "&" in item else item)
        elif isinstance(item, dict):
            stack.extend(
                value for key, value in reversed(item.items()) if key not in SKIPPED_BLOCK_KEYS
            )
        elif isinstance(item, list | tuple):
            stack.extend(reversed(item))
    return [part for part in parts if part]


def clean_indexed_text(value: str, limit: int | None = None) -> str:
    text = SPACE_RE.sub(" ", strip_control_characters(value or "")).strip()
    return text[:limit] if limit else text


def mark_to_html(snippet: str) -> str:
    """Escape an engine's snippet, then turn its private markers into <mark> elements."""
    escaped = html.escape(snippet or "", quote=True)
    escaped = escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    # An unbalanced marker (a fragment cut inside a match) must not leave <mark> open.
    opened = escaped.count("<mark>") - escaped.count("</mark>")
    return escaped + "</mark>" * max(opened, 0)
