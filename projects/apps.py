from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "Declaration projects"

    def ready(self):
        from projects import signals  # noqa: F401 - connects the receivers
