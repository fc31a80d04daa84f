"""My data: download as JSON; delete my account, told first what happens to my contributions."""

import json

from django.contrib.auth import get_user_model
from django.urls import reverse

from casestudies.models import CaseStudyPage
from community.contributions import services as contributions_services
from community.engagement import services as engagement_services
from community.models import Comment, ReuseRecord


def test_download_my_data(client, members, pattern):
    engagement_services.reuse_record(page=pattern, profile=members["owner"], note="Used it")
    Comment.objects.create(page=pattern, author=members["owner"].user, body="Nice")
    client.force_login(members["owner"].user)
    response = client.get(reverse("community:data_download"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "owner@example.org"
    assert data["profile"]["organisation"] == "Council A"
    assert data["reuse_records"][0]["note"] == "Used it"
    assert data["comments"][0]["body"] == "Nice"


def test_delete_account_states_what_happens_then_deletes(client, members, pattern, site_tree):
    owner = members["owner"]
    draft = contributions_services.contribution_submit(
        profile=owner,
        contribution_type=contributions_services.contribution_type_by_slug("case-study"),
        data={
            "title": "My draft",
            "summary": "S",
            "problem": "P",
            "approach": "A",
            "lessons_learned": "L",
        },
    )
    published = contributions_services.contribution_submit(
        profile=owner,
        contribution_type=contributions_services.contribution_type_by_slug("case-study"),
        data={
            "title": "My published",
            "summary": "S",
            "problem": "P",
            "approach": "A",
            "lessons_learned": "L",
        },
    )
    published.current_workflow_state.current_task_state.approve(user=None)
    engagement_services.reuse_record(page=pattern, profile=owner)
    client.force_login(owner.user)
    html = client.get(reverse("community:delete_account")).content.decode()
    assert "My published" in html
    assert "credited to your organisation" in html
    assert "unpublished contribution" in html
    assert "deleted" in html
    response = client.post(reverse("community:delete_account"), {})
    assert "Confirm that you understand" in response.content.decode()
    client.post(reverse("community:delete_account"), {"confirm": "on"})
    assert not get_user_model().objects.filter(username="owner").exists()
    assert not CaseStudyPage.objects.filter(pk=draft.pk).exists()
    kept = CaseStudyPage.objects.get(pk=published.pk)
    assert kept.live
    assert kept.owner is None
    assert ReuseRecord.objects.filter(page=pattern).count() == 1
