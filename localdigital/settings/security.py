"""Security headers, Content Security Policy and the public API's settings."""


def apply(settings: dict) -> None:
    """Called at the end of base.py with its globals, so this can extend its lists."""
