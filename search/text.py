"""Pure text functions: clean and parse what users type, flatten what editors write, mark hits.

Nothing here touches the database, so every backend sees the same, already-safe terms.
"""

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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
    # Printable means no character of a C* category and no tab or newline: nothing to drop.
    # Most text is, and the per-character walk below was a third of a full index rebuild.
    if value.isprintable():
        return value
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


# --- highlighting in Python, for the page of hits -----------------------------------------
# Both database engines mark matches here, from the stored text of the 20 hits, instead of a
# second engine pass (FTS5 highlight()/snippet() must re-run the MATCH over every matching
# row; ts_headline re-parses each body). Words are compared by a light stem (Porter's step 1
# plus a final "e"): "repairs", "repaired", "repairing" all mark for "repair". It only decides
# what is marked, never what matches, so a form the engine's full stemmer would join
# ("connection" for "connected") can go unmarked; the result then shows the plain summary.

SNIPPET_CHARS = 180
SNIPPET_LEAD = 40
VOWELS = frozenset("aeiouy")


def _has_vowel(stem: str) -> bool:
    return any(char in VOWELS for char in stem)


def _short_cvc(stem: str) -> bool:
    """consonant-vowel-consonant at the end of a short stem ("hop"), as Porter's rule *o."""
    if len(stem) < 3 or len(stem) > 4:
        return False
    a, b, c = stem[-3:]
    return a not in VOWELS and b in VOWELS and c not in VOWELS and c not in "wxy"


@lru_cache(maxsize=65536)
def light_stem(word: str) -> str:
    word = word.casefold()
    if len(word) <= 3:
        return word
    if word.endswith("sses") or word.endswith("ies"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss") and not word.endswith("us"):
        word = word[:-1]
    for suffix in ("eed", "ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            if suffix == "eed":
                word = stem + "ee"
            elif _has_vowel(stem):
                if stem.endswith(("at", "bl", "iz")) or _short_cvc(stem):
                    stem += "e"
                elif len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                    stem = stem[:-1]
                word = stem
            break
    if word.endswith("y") and len(word) > 2 and _has_vowel(word[:-1]):
        word = word[:-1] + "i"
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


class Highlighter:
    """Marks the query's words (and phrases, word by word in order) in stored text."""

    def __init__(self, terms):
        self.terms = [tuple(light_stem(word) for word in term.words) for term in terms]
        stems = {stem for term in self.terms for stem in term}
        # Every form of a word whose light stem is s starts with s minus its last letter, so
        # the regular expression finds candidates at C speed and only those get stemmed.
        prefixes = sorted({re.escape(s[:-1][:6] if len(s) > 1 else s) for s in stems if s})
        alternatives = "(?:" + "|".join(prefixes) + r")[^\W_]*"
        self.pattern = (
            re.compile(r"(?<![^\W_])" + alternatives, re.IGNORECASE) if prefixes else None
        )
        # The same without the look-behind or IGNORECASE, for lower-cased text: both defeat
        # the engine's literal-prefix search, and this is about ten times faster (2 against
        # 31 microseconds for a 1,100-character body).
        self.lower_pattern = re.compile(alternatives) if prefixes else None

    def spans(self, value: str) -> list[tuple[int, int]]:
        """(start, end) of every matched word in value, in order."""
        if not self.pattern or not value:
            return []
        candidates = [(start, end, light_stem(word)) for start, end, word in self.words(value)]
        marked: set[int] = set()
        for term in self.terms:
            for index, (_start, _end, stem) in enumerate(candidates):
                if stem != term[0]:
                    continue
                run = [index]
                for offset, wanted in enumerate(term[1:], start=1):
                    following = index + offset
                    if following >= len(candidates) or candidates[following][2] != wanted:
                        break
                    gap = value[candidates[following - 1][1] : candidates[following][0]]
                    if WORD_RE.search(gap):  # another word in between: not the phrase
                        break
                    run.append(following)
                if len(run) == len(term):
                    marked.update(run)
        return [candidates[index][:2] for index in sorted(marked)]

    def words(self, value: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of every word in value that starts like one of the query's."""
        lowered = value.lower()
        if len(lowered) != len(value):  # a few characters lower-case to two (e.g. "İ")
            return [(m.start(), m.end(), m.group()) for m in self.pattern.finditer(value)]
        # Offsets in the lower-cased text are the value's. Only at a word's start, as the
        # look-behind would have it ([^\W_] is what str.isalnum() accepts).
        return [
            (m.start(), m.end(), m.group())
            for m in self.lower_pattern.finditer(lowered)
            if not (m.start() and lowered[m.start() - 1].isalnum())
        ]

    @staticmethod
    def _marked(value: str, spans, start: int = 0, end: int | None = None) -> str:
        end = len(value) if end is None else end
        parts, position = [], start
        for span_start, span_end in spans:
            if span_start < start or span_end > end:
                continue
            parts += [value[position:span_start], MARK_START, value[span_start:span_end], MARK_END]
            position = span_end
        parts.append(value[position:end])
        return "".join(parts)

    def mark(self, value: str) -> str:
        """The whole value with its matches marked; "" if nothing matched."""
        spans = self.spans(value)
        return self._marked(value, spans) if spans else ""

    def snippet(self, value: str) -> str:
        """A fragment of about SNIPPET_CHARS around the densest matches; "" if none."""
        spans = self.spans(value)
        if not spans:
            return ""
        # The window (starting at a match) holding the most matches; the earliest on ties.
        best, best_count = 0, 0
        for index, (span_start, _end) in enumerate(spans):
            count = sum(1 for s, _e in spans[index:] if s < span_start + SNIPPET_CHARS)
            if count > best_count:
                best, best_count = index, count
        anchor = spans[best][0]
        start = max(0, anchor - SNIPPET_LEAD)
        if start:
            space = value.find(" ", start, anchor)
            start = space + 1 if space != -1 else anchor
        end = min(len(value), start + SNIPPET_CHARS + SNIPPET_LEAD)
        if end < len(value):
            space = value.rfind(" ", max(anchor, spans[best][1]), end)
            end = space if space != -1 else end
        text = self._marked(value, spans, start, end)
        return ("…" if start else "") + text + ("…" if end < len(value) else "")


# --- "did you mean" -------------------------------------------------------------------------

# Endings that make another form of the same word: "repair" is known when "repairs" is (the
# engines' stemmers match it already), but "wast" is not known from "waste".
WORD_FORM_ENDINGS = frozenset({"s", "es", "d", "ed", "ing", "er", "ers", "ly"})
E_ENDINGS = frozenset({"ed", "ing", "er", "ers"})


def is_form_of(word: str, known: str) -> bool:
    """Whether one is the other plus a common ending: "repairs" and "repair", "housing" and
    "house" (whose "e" the ending replaces)."""
    if len(word) < len(known):
        word, known = known, word
    if word.startswith(known) and word[len(known) :] in WORD_FORM_ENDINGS:
        return True
    stem = known[:-1]
    return known.endswith("e") and word.startswith(stem) and word[len(stem) :] in E_ENDINGS


def typo_distance(first: str, second: str, limit: int) -> int:
    """Edits (a letter added, dropped or changed, or two neighbours swapped) that turn one
    word into the other; limit + 1 as soon as it must be more than `limit`.

    The optimal string alignment distance: "repiars" is one edit from "repairs", where
    plain Levenshtein counts two.
    """
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    before, previous = None, list(range(len(second) + 1))
    for i, char in enumerate(first, start=1):
        current = [i]
        for j, other in enumerate(second, start=1):
            cost = 0 if char == other else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                before is not None
                and i > 1
                and j > 1
                and char == second[j - 2]
                and first[i - 2] == other
            ):
                value = min(value, before[j - 2] + 1)
            current.append(value)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


def typo_limit(word: str) -> int:
    """How many edits a typo of a word this long may have: one in a short word, two else."""
    return 1 if len(word) <= 4 else 2
