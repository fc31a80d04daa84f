"""load_demo builds the whole demo site, and running it again changes nothing."""

from django.core.management import call_command

from wagtail.models import Page

import pytest

from casestudies.models import BusinessCasePage, CaseStudyPage, ProcurementBriefPage
from core.models import BasePage
from organisations.models import Organisation
from patterns.models import ServicePatternPage


def _counts():
    return {
        "pages": Page.objects.count(),
        "content": BasePage.objects.count(),
        "organisations": Organisation.objects.count(),
        "tagged": BasePage.tags.through.objects.count(),
        "links": CaseStudyPage.related_briefs.through.objects.count(),
    }


@pytest.mark.django_db
def test_load_demo_builds_realistic_content_and_is_idempotent(client):
    call_command("load_demo", verbosity=0)
    first = _counts()
    call_command("load_demo", verbosity=0)

    assert _counts() == first
    assert first["content"] >= 40
    for model in (CaseStudyPage, ProcurementBriefPage, BusinessCasePage, ServicePatternPage):
        assert model.objects.live().count() >= 8, model
    assert Organisation.objects.filter(organisation_type="council").count() >= 400
    assert Organisation.objects.filter(is_current=False).exists()
    assert first["links"] > 0
    assert Page.find_problems() == ([], [], [], [], [])

    study = CaseStudyPage.objects.live().filter(related_briefs__isnull=False).first()
    html = client.get(study.url).content.decode()
    brief = study.related_briefs.first()
    assert brief.title in html
    assert study.title in client.get(brief.url).content.decode()


@pytest.mark.django_db
def test_scale_adds_generated_pages_up_to_the_total_once():
    call_command("load_demo", scale=40, verbosity=0)
    hand_written = BasePage.objects.exclude(slug__startswith="gen-").count()
    assert BasePage.objects.filter(slug__startswith="gen-").count() == 40
    call_command("load_demo", scale=40, verbosity=0)
    assert BasePage.objects.filter(slug__startswith="gen-").count() == 40
    assert BasePage.objects.exclude(slug__startswith="gen-").count() == hand_written
    assert Page.find_problems() == ([], [], [], [], [])
    for model in (CaseStudyPage, ProcurementBriefPage, BusinessCasePage, ServicePatternPage):
        generated = model.objects.filter(slug__startswith="gen-")
        assert generated.count() == 10
        page = generated.first()
        assert page.organisations.exists()
        assert page.tags.exists()
        assert page.url.endswith(f"/{page.slug}/")


@pytest.mark.django_db
def test_demo_users_are_refused_outside_development(settings):
    from home.demo.loader import demo_users_ensure

    settings.LOCALDIGITAL_ALLOW_DEMO_USERS = False
    assert demo_users_ensure() == []
