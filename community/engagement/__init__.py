"""Engagement: reuse records, comments, follows and digests."""
