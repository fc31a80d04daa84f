"""Project views: a member posts an update; what the project page shows. Thin: reads in
projects.selectors, writes in projects.services."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from community.access import signed_in_required
from community.auth import member_profile
from community.ratelimit import rate_limit
from projects import selectors, services
from projects.forms import ProjectUpdateForm


def public_project(page_id: int):
    """A live, public project or 404: a draft or restricted project is never acted on."""
    return get_object_or_404(selectors.public_projects(), pk=page_id)


@require_http_methods(["GET", "POST"])
@signed_in_required
@rate_limit("project_update")
def update_create(request, page_id: int):
    project = public_project(page_id)
    profile = member_profile(request.user)
    try:
        services.update_check(project=project, profile=profile)
    except services.UpdateRefused as error:
        # Said before any form is shown: nobody fills one in that could never be accepted.
        return render(
            request,
            "projects/update_refused.html",
            {"project": project, "message": error.message, "code": error.code},
            status=403,
        )
    form = ProjectUpdateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.update_create(project=project, profile=profile, **form.cleaned_data)
        messages.success(request, "Thank you. A moderator will read your update before it appears.")
        return redirect(project.url)
    return render(request, "projects/update_form.html", {"form": form, "project": project})


# --- What the project page shows (projects.models asks for this through a Wagtail hook) ---


def project_page_context(page, request) -> dict:
    """Published updates in date order, whether the reader may post one, and what it
    produced on this site as cards (only live, public pages)."""
    profile = member_profile(request.user) if request.user.is_authenticated else None
    try:
        services.update_check(project=page, profile=profile)
        can_update = True
    except services.UpdateRefused:
        can_update = False
    return {
        "updates": list(selectors.published_updates(page)),
        "can_update": can_update,
        "pending_updates": selectors.pending_update_count(project=page, user=request.user),
        "output_cards": selectors.output_cards(page),
    }
