"""load_demo --scale adds generated pages once; demo users are made only in development.

The whole demo site and loading it again are tested in test_demo_content.py, whose tests share
one load.
"""

from django.core.management import call_command

from wagtail.models import Page

import pytest

from core.content_types import library_types
from core.models import BasePage


def library_models() -> list:
    """The page models of shared work, which the demo fills (events have demo content of their
    own, home/demo and events/demo.py)."""
    return [item.model for item in library_types()]


@pytest.mark.django_db
def test_scale_adds_generated_pages_up_to_the_total_once():
    call_command("load_demo", scale=40, verbosity=0)
    hand_written = BasePage.objects.exclude(slug__startswith="gen-").count()
    assert BasePage.objects.filter(slug__startswith="gen-").count() == 40
    call_command("load_demo", scale=40, verbosity=0)
    assert BasePage.objects.filter(slug__startswith="gen-").count() == 40
    assert BasePage.objects.exclude(slug__startswith="gen-").count() == hand_written
    assert Page.find_problems() == ([], [], [], [], [])
    for model in library_models():  # 40 spread evenly over the types
        generated = model.objects.filter(slug__startswith="gen-")
        assert generated.count() == 40 // len(library_models())
        page = generated.first()
        assert page.organisations.exists()
        assert page.tags.exists()
        assert page.url.endswith(f"/{page.slug}/")


@pytest.mark.django_db
def test_demo_users_are_refused_outside_development(settings):
    from home.demo.loader import demo_users_ensure

    settings.LOCALDIGITAL_ALLOW_DEMO_USERS = False
    assert demo_users_ensure() == []
