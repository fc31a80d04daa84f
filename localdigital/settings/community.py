"""Settings for members, sign-in, rate limits and the rest of the community app."""


def apply(settings: dict) -> None:
    """Called at the end of base.py with its globals, so this can extend its lists."""
