"""Fixtures for the reliability tests: a deployment of the site that several processes share."""

import pytest

from tests.reliability import served

SEED = """
from core.services import reference_taxonomies_load
from home.site_tree import site_tree_ensure
from tests import factories

reference_taxonomies_load()
tree = site_tree_ensure()
hackney = factories.OrganisationFactory(code="HCK", slug="hackney", name="Hackney", region="London")
for slug in ("to-restrict", "to-unpublish", "to-delete", "stays"):
    factories.CaseStudyPageFactory(
        parent=tree["case-studies"], title=f"Coherence study {slug}", slug=slug,
        organisations=[hackney],
    )
"""


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """`collectstatic` once, as a deployment does, for every served site of the run."""
    directory = tmp_path_factory.mktemp("static")
    site = served.ServedSite(directory=directory, database_url="sqlite://")
    site.manage("collectstatic", "--noinput", "-v0", env={"STATIC_ROOT": str(directory)})
    return directory


@pytest.fixture(scope="session")
def migrated_template(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        template = served.MigratedTemplate(tmp_path_factory.mktemp("migrated"))
    yield template
    template.drop()


@pytest.fixture
def served_site(migrated_template, tmp_path, collected_static):
    """A migrated database of its own, with a small site on it; dropped afterwards."""
    database_url, drop = migrated_template.copy(tmp_path)
    site = served.ServedSite(
        directory=tmp_path,
        database_url=database_url,
        extra_env={"STATIC_ROOT": str(collected_static)},
    )
    try:
        site.python(SEED)
        yield site
    finally:
        drop()
