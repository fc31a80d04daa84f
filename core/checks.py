"""System checks: the Wagtail Site record agrees with SITE_URL."""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError

from wagtail.models import Site

from core.site_url import site_host_and_port, site_url


@register(Tags.database)
def site_record_matches_site_url(app_configs=None, databases=None, **kwargs):
    """Run by `migrate` and `check --database default`: it needs the database."""
    if not databases:
        return []
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # before the first migrate
        return []
    if site is None:
        return []
    hostname, port = site_host_and_port()
    if (site.hostname, site.port) == (hostname, port):
        return []
    return [
        Warning(
            f"The default Wagtail Site is {site.hostname}:{site.port}, but SITE_URL is "
            f"{site_url()}.",
            hint="Run `manage.py sync_site_record` to set the Site from SITE_URL.",
            obj=site,
            id="core.W001",
        )
    ]


@register(Tags.security, deploy=True)
def site_url_is_https(app_configs=None, **kwargs):
    """Links in emails and feeds are followed from outside; over plain HTTP they can be altered."""
    if site_url().startswith("https://"):
        return []
    return [
        Warning(
            f"SITE_URL is {site_url()}: every link the site gives out is plain HTTP.",
            hint="Set SITE_URL to the site's https address.",
            id="core.W002",
        )
    ]
