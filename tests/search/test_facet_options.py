"""How the search page orders facet options: by count, then by label; years newest first."""

from search.services import FACETS, SearchFilters, build_facets


def options(facets, name):
    (facet,) = [f for f in facets if f.name == name]
    return [(o.value, o.count, o.selected) for o in facet.options]


def test_options_go_by_count_then_by_label_whatever_order_the_engine_gives():
    counts = [
        ("tag", "zebra", "zebra", 3),
        ("tag", "apple", "apple", 1),
        ("tag", "Banana", "Banana", 3),
        ("tag", "cherry", "cherry", 3),
        ("organisation", "leeds", "Leeds City Council", 2),
        ("organisation", "bury", "Bury Council", 9),
    ]
    for given in (counts, list(reversed(counts))):
        facets = build_facets(given, SearchFilters())
        # Labels compare without case: "Banana" before "cherry" before "zebra".
        assert options(facets, "tag") == [
            ("Banana", 3, False),
            ("cherry", 3, False),
            ("zebra", 3, False),
            ("apple", 1, False),
        ]
        assert options(facets, "organisation") == [("bury", 9, False), ("leeds", 2, False)]


def test_years_are_newest_first_and_every_facet_is_present_in_page_order():
    counts = [
        ("year", "2019", "2019", 10),
        ("year", "2024", "2024", 1),
        ("year", "2021", "2021", 4),
    ]
    facets = build_facets(counts, SearchFilters())
    assert [f.name for f in facets] == [name for _param, name, _heading in FACETS]
    assert options(facets, "year") == [("2024", 1, False), ("2021", 4, False), ("2019", 10, False)]


def test_a_chosen_value_with_no_matches_stays_checked_at_the_end_so_it_can_be_removed():
    counts = [("tag", "repairs", "repairs", 5), ("unknown-facet", "x", "x", 1)]
    facets = build_facets(counts, SearchFilters(tag=("repairs", "no-such-tag"), year=("1999",)))
    assert options(facets, "tag") == [("repairs", 5, True), ("no-such-tag", 0, True)]
    assert options(facets, "year") == [("1999", 0, True)]
