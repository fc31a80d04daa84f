"""Contribution pages: choose a type, submit, see and edit what was submitted."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.html import strip_tags

from community.access import member_required, signed_in_required
from community.auth import member_profile
from community.contributions import selectors, services
from community.contributions.forms import ContributionForm
from community.ratelimit import rate_limit
from community.text import plain_text


@signed_in_required
def member_contributions(request):
    return render(
        request,
        "community/members/contributions.html",
        {
            "profile": member_profile(request.user),
            "contributions": selectors.contributions_for_user(request.user),
        },
    )


@member_required()
def choose_type(request, profile):
    return render(
        request,
        "community/contribute/choose_type.html",
        {"types": services.contribution_types().values()},
    )


@member_required()
@rate_limit("contribute")
def submit(request, profile, type_slug):
    contribution_type = services.contribution_type_by_slug(type_slug)
    if contribution_type is None:
        raise Http404
    form = ContributionForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        contribution_type=contribution_type,
    )
    if request.method == "POST" and form.is_valid():
        page = services.contribution_submit(
            profile=profile,
            contribution_type=contribution_type,
            data=form.cleaned_data,
            upload=form.cleaned_data.get("document"),
        )
        return redirect("community:contribution_submitted", page_id=page.pk)
    return render(
        request,
        "community/contribute/form.html",
        {"form": form, "contribution_type": contribution_type, "editing": False},
    )


@member_required()
def submitted(request, profile, page_id):
    item = selectors.contribution_for_user(request.user, page_id)
    if item is None:
        raise Http404
    return render(request, "community/contribute/submitted.html", {"item": item})


def _initial_from_page(page, contribution_type) -> dict:
    def text(html):
        return plain_text(strip_tags((html or "").replace("</p>", "\n\n").replace("<br/>", "\n")))

    initial = {
        "title": page.title,
        "summary": page.summary,
        "tags": ", ".join(tag.name for tag in page.tags.all()),
        "service_areas": list(page.service_areas.all()),
        "body": "\n\n".join(
            text(block.value.source) for block in page.body if block.block_type == "paragraph"
        ),
    }
    for field_name, _label in contribution_type.rich_fields:
        initial[field_name] = text(getattr(page, field_name))
    for field_name, _label, _hint in contribution_type.money_fields:
        value = getattr(page, field_name)
        initial[field_name] = "" if value is None else f"{int(value)}"
    return initial


@member_required()
@rate_limit("contribute")
def edit(request, profile, page_id):
    """A member changes a draft, or one a moderator sent back, and resubmits it."""
    item = selectors.contribution_for_user(request.user, page_id)
    if item is None:
        raise Http404
    if not item.can_edit:
        return render(request, "community/contribute/not_editable.html", {"item": item}, status=403)
    page = item.page.specific.get_latest_revision_as_object()
    contribution_type = services.contribution_type_for_page(item.page)
    form = ContributionForm(
        request.POST if request.method == "POST" else None,
        contribution_type=contribution_type,
        editing=True,
        initial={
            **_initial_from_page(page, contribution_type),
            # Ticked again for them: they agreed when they first submitted it.
            "licence_confirmed": selectors.contribution_licence_agreed(page),
        },
    )
    if request.method == "POST" and form.is_valid():
        services.contribution_resubmit(
            page=page,
            user=request.user,
            contribution_type=contribution_type,
            data=form.cleaned_data,
        )
        return redirect("community:contribution_submitted", page_id=page.pk)
    return render(
        request,
        "community/contribute/form.html",
        {
            "form": form,
            "contribution_type": contribution_type,
            "editing": True,
            "item": item,
        },
    )
