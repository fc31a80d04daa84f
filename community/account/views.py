"""A member's own pages across every feature: their profile, their data and deleting their account."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from community.access import signed_in_required
from community.account import selectors
from community.auth import member_profile
from community.contributions import selectors as contributions_selectors
from community.engagement import selectors as engagement_selectors
from community.members import services
from community.members.forms import DeleteAccountForm
from community.models import Comment, Opportunity, ReuseRecord


@signed_in_required
def profile(request):
    profile = member_profile(request.user)
    return render(
        request,
        "community/members/profile.html",
        {
            "profile": profile,
            "contributions": contributions_selectors.contributions_for_user(request.user)[:5]
            if profile
            else [],
            "follows": engagement_selectors.member_follows(request.user),
        },
    )


@signed_in_required
def data_download(request):
    data = selectors.member_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="local-digital-my-data-{stamp}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@signed_in_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    user = request.user
    if user.is_staff or user.is_superuser or user.groups.exists():
        # Staff accounts are removed by an administrator, so moderation history stays traceable.
        return render(request, "community/access/staff_account.html", status=403)
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.member_delete(user=user)
        logout(request)
        messages.success(request, "Your account has been deleted.")
        return redirect("/")
    items = contributions_selectors.contributions_for_user(user)
    return render(
        request,
        "community/members/delete_account.html",
        {
            "form": form,
            "published": [
                item for item in items if item.status == "published" or item.page.first_published_at
            ],
            "unpublished": [
                item
                for item in items
                if not item.page.first_published_at and item.status != "published"
            ],
            "reuse_count": ReuseRecord.objects.filter(recorded_by=user).count(),
            "comment_count": Comment.objects.filter(author=user).count(),
            "opportunity_count": Opportunity.objects.filter(created_by=user).count(),
        },
    )
