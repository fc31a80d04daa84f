"""Contributions: members' submissions as draft pages and their moderation."""
