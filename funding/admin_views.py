"""Staff screens for assessing and deciding applications (Wagtail admin). Each assessor
scores every criterion with a reason or declares a conflict; a decision records its reasons
and tells the applicant and partners."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from funding import forms, selectors, services
from funding.models import PUBLISHED_STATUSES, Assessment, FundingApplication

ASSESS_PERMISSION = "funding.assess_fundingapplication"


def assessable(request, pk: int) -> FundingApplication:
    if not request.user.has_perm(ASSESS_PERMISSION):
        raise PermissionDenied
    return get_object_or_404(
        selectors.with_details(FundingApplication.objects.filter(status__in=PUBLISHED_STATUSES)),
        pk=pk,
    )


def assess(request, pk: int):
    application = assessable(request, pk)
    criteria = list(application.round.specific.criteria.all())
    existing = Assessment.objects.filter(application=application, assessor=request.user).first()
    if request.method == "POST":
        form = forms.AssessmentForm(request.POST, criteria=criteria)
        if form.is_valid():
            conflict = form.cleaned_data["conflict_of_interest"]
            services.assessment_record(
                application=application,
                assessor=request.user,
                conflict_of_interest=conflict,
                conflict_note=form.cleaned_data["conflict_note"].strip(),
                scores={} if conflict else form.scores(),
            )
            messages.success(request, f"Your assessment of {application.reference} is saved.")
            return redirect("funding_admin:review", pk=application.pk)
    else:
        initial = {}
        if existing:
            initial = {
                "conflict_of_interest": existing.conflict_of_interest,
                "conflict_note": existing.conflict_note,
            }
            for score in existing.scores.all():
                initial[f"score_{score.criterion_id}"] = str(score.score)
                initial[f"reason_{score.criterion_id}"] = score.reason
        form = forms.AssessmentForm(initial=initial, criteria=criteria)
    return TemplateResponse(
        request,
        "funding/admin/assess.html",
        {"application": application, "form": form, "criteria": criteria},
        status=400 if form.errors else 200,
    )


def review(request, pk: int):
    """One application with every assessment so far, and the decision form."""
    application = assessable(request, pk)
    assessments = list(
        application.assessments.select_related("assessor").prefetch_related("scores__criterion")
    )
    if request.method == "POST":
        form = forms.DecisionForm(request.POST, application=application)
        if form.is_valid():
            services.decision_record(
                application=application,
                funded=form.cleaned_data["outcome"] == "funded",
                amount=form.cleaned_data["amount_awarded"],
                reason=form.cleaned_data["reason"].strip(),
                user=request.user,
            )
            messages.success(
                request, f"The decision on {application.reference} is recorded and sent."
            )
            return redirect("funding_admin:review", pk=application.pk)
    else:
        form = forms.DecisionForm(application=application)
    scored = [a.weighted_score for a in assessments if a.weighted_score is not None]
    return TemplateResponse(
        request,
        "funding/admin/review.html",
        {
            "application": application,
            "assessments": assessments,
            "average": round(sum(scored) / len(scored), 1) if scored else None,
            "form": form,
        },
        status=400 if form.errors else 200,
    )
