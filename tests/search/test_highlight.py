"""Marks computed in Python for the page of hits: stems, phrases, snippets, escaping."""

from hypothesis import given, settings
from hypothesis import strategies as st

from search.text import MARK_END, MARK_START, Highlighter, light_stem, mark_to_html, parse_query


def marked(query: str, value: str) -> str:
    return mark_to_html(Highlighter(parse_query(query).terms).mark(value))


def test_other_forms_of_a_word_are_marked():
    assert light_stem("repairs") == light_stem("repaired") == light_stem("repairing")
    assert marked("repair", "Repairs repaired; repairing a repairer") == (
        "<mark>Repairs</mark> <mark>repaired</mark>; <mark>repairing</mark> a repairer"
    )


def test_phrase_words_are_marked_only_where_they_follow_each_other():
    assert marked('"missed bin"', "A missed bin, missed again, then a bin.") == (
        "A <mark>missed</mark> <mark>bin</mark>, missed again, then a bin."
    )


def test_nothing_matched_gives_no_marks_and_marks_are_escaped_text():
    assert Highlighter(parse_query("drones").terms).mark("No match here") == ""
    html = marked("script", "<script>alert('x')</script>")
    assert html == "&lt;<mark>script</mark>&gt;alert(&#x27;x&#x27;)&lt;/<mark>script</mark>&gt;"


def test_snippet_is_a_short_window_around_the_densest_matches():
    body = "filler " * 200 + "the garden waste collection runs weekly " + "filler " * 200
    snippet = Highlighter(parse_query("garden collections").terms).snippet(body)
    assert snippet.startswith("…")
    assert snippet.endswith("…")
    assert f"{MARK_START}garden{MARK_END} waste {MARK_START}collection{MARK_END}" in snippet
    assert len(snippet) < 260


def test_words_are_marked_whatever_their_case_and_only_from_their_start():
    assert marked("housing", "HOUSING, Housing and rehousing; 2housing") == (
        "<mark>HOUSING</mark>, <mark>Housing</mark> and rehousing; 2housing"
    )
    assert marked("café", "Le CAFÉ, the café’s menu") == (
        "Le <mark>CAFÉ</mark>, the <mark>café</mark>’s menu"
    )


def test_text_that_changes_length_when_lower_cased_is_marked_in_the_right_place():
    # "İ" lower-cases to two characters, so the fast path's offsets would drift; the
    # highlighter then matches the text itself.
    assert marked("repairs", "İstanbul: repairs, REPAIRS") == (
        "İstanbul: <mark>repairs</mark>, <mark>REPAIRS</mark>"
    )


@given(
    st.lists(
        st.sampled_from(
            ["repairs", "Repair", "REPAIRED", "prepare", "housing", "Housing", "re", "pair"]
        )
        | st.text(
            alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ -.,’£éÉ",
            max_size=12,
        ),
        max_size=30,
    )
)
@settings(max_examples=200, deadline=None)
def test_the_fast_lower_case_search_finds_what_the_case_insensitive_pattern_finds(parts):
    text = " ".join(parts)
    highlighter = Highlighter(parse_query("repairs housing").terms)
    expected = [(m.start(), m.end(), m.group().lower()) for m in highlighter.pattern.finditer(text)]
    assert [(s, e, w.lower()) for s, e, w in highlighter.words(text)] == expected
