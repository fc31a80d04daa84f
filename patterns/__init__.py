"""Service patterns: reusable designs of common council services."""
