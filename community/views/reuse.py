"""'We reused this': a verified member records their organisation's reuse of a page."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from community import selectors, services
from community.forms import ReuseForm
from community.ratelimit import rate_limit
from community.views.access import member_required
from core import selectors as core_selectors


def public_page_or_404(page_id: int):
    page = core_selectors.public_content_pages().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page.specific


@member_required()
@rate_limit("reuse")
def record(request, profile, page_id):
    page = public_page_or_404(page_id)
    already = selectors.organisation_reuse_record(
        page=page, organisation_id=profile.organisation_id
    )
    if already is not None and request.method != "POST":
        # Nothing to record twice: say when it was, and offer the way to undo it instead.
        return render(
            request,
            "community/reuse/already.html",
            {"page": page, "profile": profile, "record": already},
        )
    form = ReuseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _record, created = services.reuse_record(
            page=page, profile=profile, note=form.cleaned_data["note"]
        )
        if created:
            messages.success(request, f"Recorded: {profile.organisation.name} reused this.")
        else:
            messages.info(
                request, f"{profile.organisation.name} had already recorded reusing this."
            )
        return redirect(page.url)
    return render(
        request,
        "community/reuse/form.html",
        {"form": form, "page": page, "profile": profile},
    )


@member_required()
@require_POST
@rate_limit("reuse")
def remove(request, profile, page_id):
    page = public_page_or_404(page_id)
    if services.reuse_remove(page=page, profile=profile):
        messages.success(
            request, f"Removed: {profile.organisation.name} no longer shows as reusing this."
        )
    return redirect(page.url)
