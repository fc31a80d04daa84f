"""The in-memory bitsets facets are counted with: bit n set for page id n, however built."""

from hypothesis import given, settings
from hypothesis import strategies as st

from search.backends.base import bitset, bitset_member


@given(st.lists(st.integers(min_value=0, max_value=200_000), max_size=3000))
@settings(max_examples=200, deadline=None)
def test_a_bitset_has_exactly_the_ids_dense_or_sparse(ids):
    bits = bitset(ids)
    assert bits == sum(1 << page_id for page_id in set(ids))
    contains = bitset_member(bits)
    assert all(contains(page_id) for page_id in ids)


def test_both_ways_of_building_give_the_same_bits():
    dense = list(range(0, 10_000, 2))  # highest id below 8x the count: the digit string
    sparse = list(range(0, 1_000_000, 997))  # far above it: bit by bit
    assert bitset(dense) == sum(1 << n for n in dense)
    assert bitset(sparse) == sum(1 << n for n in sparse)
    assert bitset([]) == 0
    assert bitset(iter([3, 3, 0])) == 0b1001
