"""Members, contributions, reuse, comments, follows, the Declaration and collaboration."""

from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = "Community"

    def ready(self):
        from community import signals  # noqa: F401
