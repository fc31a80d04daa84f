"""The member's own pages: profile, contributions, follows, data download and account deletion."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from community import selectors, services
from community.auth import member_profile
from community.forms import DeleteAccountForm, MemberProfileForm
from community.models import Comment, Opportunity, ReuseRecord
from community.ratelimit import rate_limit
from community.views.access import member_required, signed_in_required


@signed_in_required
def profile(request):
    profile = member_profile(request.user)
    return render(
        request,
        "community/members/profile.html",
        {
            "profile": profile,
            "contributions": selectors.contributions_for_user(request.user)[:5] if profile else [],
            "follows": selectors.member_follows(request.user),
        },
    )


@member_required(verified=False)
@require_http_methods(["GET", "POST"])
@rate_limit("profile_edit")
def profile_edit(request, profile):
    """Always the signed-in member's own profile: there is no id in the URL to change."""
    initial = {
        "full_name": profile.full_name,
        "job_title": profile.job_title,
        "organisation": profile.organisation_id,
    }
    form = MemberProfileForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        current_organisation_id=profile.organisation_id,
    )
    if request.method == "POST" and form.is_valid():
        update = services.member_profile_update(profile=profile, **form.cleaned_data)
        messages.success(request, "Your profile has been updated.")
        if update.organisation_changed and not update.profile.is_verified:
            messages.info(
                request,
                f"A moderator will check that you work for {update.profile.organisation.name}. "
                "Until then you can read everything and follow topics.",
            )
        return redirect("community:profile")
    return render(request, "community/members/profile_edit.html", {"form": form})


@signed_in_required
def contributions(request):
    return render(
        request,
        "community/members/contributions.html",
        {
            "profile": member_profile(request.user),
            "contributions": selectors.contributions_for_user(request.user),
        },
    )


@signed_in_required
def data_download(request):
    data = services.member_data_export(user=request.user)
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
    items = selectors.contributions_for_user(user)
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
