"""Collaboration: opportunities to work together and the interest members express."""
