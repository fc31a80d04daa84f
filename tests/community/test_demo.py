"""The community demo data loads on top of the demo site, and loading it twice adds nothing."""

from casestudies.models import CaseStudyPage
from community.models import (
    Comment,
    DeclarationPage,
    MemberProfile,
    Opportunity,
    ReuseRecord,
    Signature,
)
from core.models import BasePage
from home.demo.community import community_demo_load
from patterns.models import ServicePatternPage
from tests import factories


def test_community_demo_load_is_complete_and_idempotent(make_page):
    organisations = [
        factories.OrganisationFactory(
            website=f"https://council{n}.gov.uk", email_domains=[f"council{n}.gov.uk"]
        )
        for n in range(4)
    ]
    pattern = make_page(ServicePatternPage, title="Missed bins", organisations=[organisations[0]])
    case_study = make_page(CaseStudyPage, title="Our bins", organisations=[organisations[1]])
    case_study.patterns_used.add(pattern)
    case_study.save()
    first = community_demo_load()
    second = community_demo_load()
    assert DeclarationPage.objects.live().count() == 1
    assert MemberProfile.objects.count() == 3
    assert Signature.objects.filter(status="approved").count() == 4
    assert ReuseRecord.objects.filter(page=pattern).count() == 1
    assert BasePage.objects.get(pk=pattern.pk).reuse_count == 1
    assert Comment.objects.exists()
    assert Opportunity.objects.count() == 3
    assert first["signatories_created"] == 4
    assert second["signatories_created"] == 0
    assert second["reuse_records_created"] == 0
