"""Test data that outlives one test: the seeded site tree, and read-mostly corpora per module."""

import contextlib

from django.db import transaction

from tests import factories


def site_tree_ensure():
    """The home page, index pages, standard pages and reference taxonomies, as `make run`
    builds them; idempotent, so cheap once they are there."""
    from core.services import reference_taxonomies_load
    from home.site_tree import site_tree_ensure as tree_ensure

    reference_taxonomies_load()
    return tree_ensure()


def page_make(tree, model, **kwargs):
    """A published page of `model` under the page of `tree` it may live under (its index page;
    What's on for events, series and courses): the `make_page` fixture."""
    if "parent" not in kwargs:
        kwargs["parent"] = next(
            page
            for page in tree.values()
            if type(page.specific) in model.allowed_parent_page_models()
        )
    return factories.FACTORY_FOR_MODEL[model](**kwargs)


@contextlib.contextmanager
def kept_for_the_module(django_db_blocker):
    """Data built once for a module's tests, rolled back after the last of them.

    It is built inside a transaction that stays open while the module runs; each test's own
    transaction nests inside it (a savepoint), so whatever a test changes is undone as usual,
    and the corpus itself once the module is done. Only for modules whose tests are not
    transactional (a flush would empty it).
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
