"""A member's own account: the pages and data that gather what they have in every feature.

Above every other feature, so it is the one that may import them all."""
