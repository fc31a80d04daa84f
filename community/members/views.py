"""Members' pages: editing their profile."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from community.access import member_required
from community.members import services
from community.members.forms import MemberProfileForm
from community.ratelimit import rate_limit


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
