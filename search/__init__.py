"""The one search service: a project-owned index the engine drives, its views and admin."""
