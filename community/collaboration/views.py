"""Collaboration's pages: opportunities, their detail, interest and closing."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from community.access import member_required
from community.auth import member_profile, verified_member
from community.collaboration import selectors, services
from community.collaboration.forms import InterestForm, OpportunityFilterForm, OpportunityForm
from community.models import Interest
from community.ratelimit import rate_limit
from core.query_params import paginate


def opportunity_list(request):
    form = OpportunityFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = selectors.open_opportunities(
        service_areas=filters.get("service_area") or (),
        phases=filters.get("phase") or (),
        seeking=filters.get("seeking") or (),
        budget_bands=filters.get("budget_band") or (),
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "community/collaborate/list.html",
        {
            "form": form,
            "listing_page": paginate(request, queryset),
            "query_without_page": query.urlencode(),
            "can_post": verified_member(request.user) is not None,
        },
    )


def opportunity_detail(request, pk):
    opportunity = selectors.visible_opportunity(pk)
    if opportunity is None:
        raise Http404
    profile = member_profile(request.user)
    return render(
        request,
        "community/collaborate/detail.html",
        {
            "opportunity": opportunity,
            "profile": profile,
            "is_owner_org": bool(
                profile
                and profile.is_verified
                and profile.organisation_id == opportunity.organisation_id
            ),
            "already_interested": bool(
                profile
                and Interest.objects.filter(opportunity=opportunity, user=request.user).exists()
            ),
            "interests": opportunity.interests.select_related("organisation")
            if profile
            and profile.is_verified
            and profile.organisation_id == opportunity.organisation_id
            else [],
            "interest_form": InterestForm(),
        },
    )


@member_required()
@rate_limit("opportunity")
def opportunity_create(request, profile):
    form = OpportunityForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        opportunity = services.opportunity_create(profile=profile, data=form.cleaned_data)
        messages.success(request, "Your opportunity is published.")
        return redirect("community:opportunity_detail", pk=opportunity.pk)
    return render(request, "community/collaborate/form.html", {"form": form})


@member_required()
@rate_limit("interest")
def express_interest(request, profile, pk):
    opportunity = selectors.visible_opportunity(pk)
    if opportunity is None or not opportunity.is_open:
        raise Http404
    if opportunity.organisation_id == profile.organisation_id:
        return render(
            request,
            "community/collaborate/own_opportunity.html",
            {"opportunity": opportunity},
            status=403,
        )
    form = InterestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _interest, created = services.interest_express(
            opportunity=opportunity, profile=profile, message=form.cleaned_data["message"]
        )
        messages.success(
            request,
            f"{opportunity.organisation.name} has been told you are interested."
            if created
            else "You had already expressed interest.",
        )
        return redirect("community:opportunity_detail", pk=opportunity.pk)
    return render(
        request, "community/collaborate/interest.html", {"form": form, "opportunity": opportunity}
    )


@member_required()
@require_POST
def opportunity_close(request, profile, pk):
    opportunity = selectors.visible_opportunity(pk)
    if opportunity is None:
        raise Http404
    if opportunity.organisation_id != profile.organisation_id:
        return render(
            request,
            "community/collaborate/own_opportunity.html",
            {"opportunity": opportunity, "not_yours": True},
            status=403,
        )
    services.opportunity_close(opportunity=opportunity)
    messages.success(request, "The opportunity is closed.")
    return redirect("community:opportunity_detail", pk=opportunity.pk)
