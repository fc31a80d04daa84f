"""Linked work at the foot of a detail page: both sides of each link, only public pages, and
unsaved links in a preview."""

from casestudies.models import BusinessCasePage, CaseStudyPage, ProcurementBriefPage
from core.models.base import related_section_ids
from patterns.models import ServicePatternPage


def _html(response) -> str:
    if hasattr(response, "render"):
        response.render()
    return response.content.decode()


def test_a_case_study_and_the_work_it_links_show_each_other(client, make_page, organisation):
    brief = make_page(ProcurementBriefPage, title="Repairs brief", organisations=[organisation])
    pattern = make_page(ServicePatternPage, title="Report a repair", organisations=[organisation])
    draft_case = make_page(
        BusinessCasePage, title="Unpublished case", organisations=[organisation], publish=False
    )
    study = make_page(CaseStudyPage, title="Repairs online", organisations=[organisation])
    study.related_briefs.add(brief)
    study.patterns_used.add(pattern)
    study.related_business_cases.add(draft_case)
    study.save()  # parental links are held in memory until the page is saved

    study_html = client.get(study.url).content.decode()
    assert "Repairs brief" in study_html
    assert "Report a repair" in study_html
    assert "Unpublished case" not in study_html
    assert '<h2 class="govuk-heading-l">Procurement briefs</h2>' in study_html
    # A section with nothing public in it is left out.
    assert '<h2 class="govuk-heading-l">Business cases</h2>' not in study_html

    assert "Repairs online" in client.get(brief.url).content.decode()
    assert "Repairs online" in client.get(pattern.url).content.decode()


def test_link_ids_come_back_per_section_from_either_side(make_page, organisation):
    brief = make_page(ProcurementBriefPage, organisations=[organisation])
    other_brief = make_page(ProcurementBriefPage, organisations=[organisation])
    pattern = make_page(ServicePatternPage, organisations=[organisation])
    study = make_page(CaseStudyPage, organisations=[organisation])
    unrelated = make_page(CaseStudyPage, organisations=[organisation])
    study.related_briefs.add(brief, other_brief)
    study.patterns_used.add(pattern)
    unrelated.related_briefs.add(other_brief)
    study.save()  # parental links are held in memory until the page is saved
    unrelated.save()

    assert related_section_ids(study) == [
        ("Procurement briefs", {brief.pk, other_brief.pk}),
        ("Business cases", set()),
        ("Service patterns used", {pattern.pk}),
    ]
    assert related_section_ids(other_brief) == [
        ("Case studies that used this brief", {study.pk, unrelated.pk})
    ]
    assert related_section_ids(pattern) == [("Case studies that used this pattern", {study.pk})]


def test_a_preview_shows_links_the_editor_has_not_saved(make_page, organisation):
    brief = make_page(
        ProcurementBriefPage, title="Linked in the form", organisations=[organisation]
    )
    study = make_page(CaseStudyPage, organisations=[organisation])
    study.related_briefs = [brief]  # in memory only, as the edit form's preview holds it

    assert not CaseStudyPage.related_briefs.through.objects.filter(casestudypage=study).exists()
    assert "Linked in the form" in _html(study.make_preview_request())
