"""Fund views: apply, edit and submit a draft, partners confirm, the published record. Thin:
reads in funding.selectors, writes in funding.services."""

import csv
import functools

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from community.access import member_required
from funding import forms, selectors, services
from funding.services import PartnerEntry

# Where an unsent application form waits while its author signs in again.
UNSENT_KEY = "funding-unsent-{pk}"


def keep_unsent_form(view):
    """A draft posted after the session expired is kept in the (new, anonymous) session and
    shown again, filled in, once its author has signed back in: nothing typed is lost."""

    @functools.wraps(view)
    def wrapped(request, pk, *args, **kwargs):
        if request.method == "POST" and not request.user.is_authenticated:
            data = request.POST.copy()
            data.pop("csrfmiddlewaretoken", None)
            request.session[UNSENT_KEY.format(pk=pk)] = dict(data.lists())
            return redirect_to_login(request.get_full_path())
        return view(request, pk, *args, **kwargs)

    return wrapped


def refused(request, round_page, error: services.ApplicationRefused):
    return render(
        request,
        "funding/refused.html",
        {"round": round_page, "message": error.message},
        status=403 if error.code in ("not_signatory", "not_eligible", "not_lead") else 409,
    )


@require_http_methods(["GET", "POST"])
@member_required(verified=True)
def apply(request, round_id: int, profile):
    round_page = get_object_or_404(selectors.public_rounds(), pk=round_id)
    if request.method == "GET":
        return redirect(round_page.url)
    project = None
    project_id = request.POST.get("project", "")
    if project_id:
        # From a project's page: only a project anyone may read, found by its number.
        project = selectors.public_project(project_id)
        if project is None:
            raise Http404("No Declaration project has that number")
    try:
        application = services.application_start(
            round_page=round_page, profile=profile, project=project
        )
    except services.ApplicationRefused as error:
        return refused(request, round_page, error)
    return redirect("funding:application_edit", pk=application.pk)


@require_http_methods(["GET", "POST"])
@keep_unsent_form
@member_required(verified=True)
def application_edit(request, pk: int, profile):
    application = selectors.editable_application(pk=pk, user=request.user)
    if application is None:
        raise Http404("No draft application of yours has that number")
    round_page = application.round.specific
    form_kwargs = {"round_page": round_page, "lead_organisation": application.lead_organisation}
    problems = []
    unsent = request.session.pop(UNSENT_KEY.format(pk=pk), None)
    if request.method == "POST":
        form = forms.ApplicationForm(request.POST, **form_kwargs)
        if form.is_valid():
            asked = services.application_save(
                application=application,
                fields=form.application_fields(),
                principles=form.cleaned_data["principles"],
                partners=[PartnerEntry(*partner) for partner in form.partners()],
                budget_lines=form.budget_lines(),
            )
            if asked:
                messages.info(
                    request,
                    f"We emailed {asked} partner contact{'' if asked == 1 else 's'} a link to "
                    "confirm they take part.",
                )
            if request.POST.get("action") == "submit":
                problems = services.application_submit(application)
                if not problems:
                    messages.success(
                        request,
                        f"Application {application.reference} is submitted. We have emailed "
                        "you a copy.",
                    )
                    return redirect("funding:my_applications")
            else:
                messages.success(request, "Your draft is saved.")
                return redirect("funding:application_edit", pk=application.pk)
    elif unsent:
        form = forms.ApplicationForm(_query_dict(unsent), **form_kwargs)
        form.is_valid()
        messages.info(
            request,
            "You were signed out before your changes were saved. They are below: save them now.",
        )
    else:
        form = forms.ApplicationForm(initial=forms.initial_for(application), **form_kwargs)
    return render(
        request,
        "funding/application_form.html",
        {
            "application": application,
            "round": round_page,
            "form": form,
            "problems": problems,
            "partners": list(application.partners.all()),
        },
        status=400 if (form.errors or problems) and request.method == "POST" else 200,
    )


def _query_dict(lists: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, values in lists.items():
        data.setlist(key, values)
    return data


@require_GET
@member_required(verified=False)
def my_applications(request, profile):
    return render(
        request,
        "funding/my_applications.html",
        {
            "applications": selectors.member_applications(user=request.user),
            "open_rounds": list(selectors.open_rounds()),
        },
    )


@require_http_methods(["GET", "POST"])
def partner_confirm(request, token):
    partner = selectors.partner_by_token(token)
    if partner is None:
        return render(request, "funding/partner_link_invalid.html", status=404)
    if request.method == "POST":
        services.partner_confirm(partner)
        return render(request, "funding/partner_confirmed.html", {"partner": partner})
    return render(request, "funding/partner_confirm.html", {"partner": partner})


@require_GET
def published_application(request, pk: int):
    application = selectors.published_application(pk)
    if application is None:
        raise Http404("No published application has that number")
    return render(request, "funding/application_detail.html", {"application": application})


@require_GET
def round_applications(request, round_id: int, file_format: str):
    """Every published application of a closed round, as CSV or JSON."""
    if file_format not in ("csv", "json"):
        raise Http404("Applications download as .csv or .json")
    round_page = get_object_or_404(selectors.public_rounds(), pk=round_id)
    if not round_page.has_closed():
        raise Http404("A round's applications are published when it closes")
    rows = selectors.application_rows(round_page)
    filename = f"{round_page.slug}-applications.{file_format}"
    if file_format == "json":
        response = JsonResponse({"round": round_page.title, "results": rows})
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.DictWriter(response, fieldnames=selectors.APPLICATION_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def round_figures_csv(request, round_id: int):
    round_page = get_object_or_404(selectors.public_rounds(), pk=round_id)
    if not round_page.has_closed():
        raise Http404("A round's figures are published when it closes")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{round_page.slug}-figures.csv"'
    writer = csv.writer(response)
    writer.writerow(["measure", "group", "value"])
    writer.writerows(selectors.figure_rows(round_page))
    return response
