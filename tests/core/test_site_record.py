"""The Wagtail Site record follows SITE_URL: set by the site tree and `sync_site_record`, and
a check warns while they disagree (issue 15)."""

from io import StringIO

from django.core.checks import run_checks
from django.core.management import call_command

from wagtail.models import Site

from core.checks import site_url_is_https
from home.site_tree import site_tree_ensure


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


def test_the_site_tree_sets_the_site_record_from_site_url(site_tree, settings):
    settings.SITE_URL = "https://councils.example:8443"
    site_tree_ensure()
    site = default_site()
    assert (site.hostname, site.port) == ("councils.example", 8443)


def test_sync_site_record_sets_the_hostname_and_port_and_says_so(site_tree, settings):
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    settings.SITE_URL = "https://localdigital.example"
    out = StringIO()
    call_command("sync_site_record", stdout=out)
    assert (default_site().hostname, default_site().port) == ("localdigital.example", 443)
    assert "now localdigital.example:443" in out.getvalue()
    call_command("sync_site_record", stdout=out)
    assert "already localdigital.example:443" in out.getvalue()


def test_the_database_check_warns_while_the_site_record_disagrees(site_tree, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    warnings = [m for m in run_checks(databases=["default"]) if m.id == "core.W001"]
    assert len(warnings) == 1
    assert "localhost:80" in warnings[0].msg
    assert "http://127.0.0.1:8000" in warnings[0].msg

    call_command("sync_site_record", stdout=StringIO())
    assert not [m for m in run_checks(databases=["default"]) if m.id == "core.W001"]


def test_the_deploy_check_wants_https(settings):
    settings.SITE_URL = "http://localdigital.example"
    assert [m.id for m in site_url_is_https()] == ["core.W002"]
    settings.SITE_URL = "https://localdigital.example"
    assert site_url_is_https() == []


def test_overriding_site_url_moves_wagtails_base_urls_with_it(settings):
    settings.SITE_URL = "https://councils.example:8443"
    assert settings.WAGTAILADMIN_BASE_URL == "https://councils.example:8443"
    assert settings.WAGTAILAPI_BASE_URL == "https://councils.example:8443"
