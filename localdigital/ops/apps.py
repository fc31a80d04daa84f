"""App config, so that `manage.py` finds the site-wide operator commands (site_backup, site_restore)."""

from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "localdigital.ops"
    label = "ops"
    verbose_name = "Site operations"
