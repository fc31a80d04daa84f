"""The Declaration's pages below DeclarationPage (community/declaration/urls.py routes them):
the Declaration itself, signing, the approver's confirmation and the signatories."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect

from community.declaration import selectors, services
from community.declaration.forms import SignatoryFilterForm, SignatureForm
from community.models import DECLARATION_CONFIRM_DAYS, Signature, SignatureStatus
from community.ratelimit import hit, too_many_requests
from core.models import Principle
from listings import exports


def declaration(request, *, page):
    """The Declaration's text, its principles and who signed it most recently."""
    signatories = selectors.signatories()
    return page.render(
        request,
        context_overrides={
            "principles": Principle.objects.all(),
            "signatory_count": signatories.count(),
            "recent_signatories": signatories[:5],
        },
    )


def sign(request, *, page):
    form = SignatureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not hit(request, "declaration"):
            return too_many_requests(request)
        if form.is_valid():
            try:
                services.signature_apply(
                    organisation=form.cleaned_data["organisation"],
                    signatory=form.signatory_data(),
                    commitment=form.commitment_data(),
                    user=request.user,
                    confirm_url_for=lambda signature: (
                        page.get_full_url(request).rstrip("/")
                        + "/"
                        + page.reverse_subpage("confirm", args=[signature.approver_token])
                    ),
                )
            except services.AlreadySigned:
                form.add_error(
                    "organisation", "This organisation has already signed the Declaration"
                )
            except services.SelfApproval:
                form.add_error(
                    "approver_email",
                    "The senior approver must be a different person from the digital lead",
                )
            else:
                return redirect(page.url + page.reverse_subpage("sign_done"))
    return page.render(
        request, template="community/declaration/sign.html", context_overrides={"form": form}
    )


def sign_done(request, *, page):
    return page.render(request, template="community/declaration/sign_done.html")


def approver_confirm(request, *, page, token):
    signature = (
        Signature.objects.filter(approver_token=token).select_related("organisation").first()
    )
    if signature is None:
        raise Http404
    confirmed = False
    if (
        request.method == "POST"
        and signature.status == SignatureStatus.AWAITING_APPROVER
        and not signature.is_expired
    ):
        confirmed = services.signature_approver_confirm(signature=signature)
    return page.render(
        request,
        template="community/declaration/confirm.html",
        context_overrides={
            "signature": signature,
            "confirmed": confirmed,
            "confirm_days": DECLARATION_CONFIRM_DAYS,
        },
    )


def signatories(request, *, page):
    form = SignatoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = selectors.signatories(
        query=(filters.get("q") or "").strip(),
        organisation_types=filters.get("organisation_type") or (),
        nations=filters.get("nation") or (),
        regions=filters.get("region") or (),
    )
    fmt = exports.requested_format(request)
    if fmt is not None:
        # Like every other listing: the whole filtered list as a file.
        rows = exports.signatory_rows(queryset[: exports.MAX_EXPORT_ROWS], request=request)
        return exports.export_response(rows, fmt, "declaration-signatories")
    paginator = Paginator(queryset, 50)
    listing = paginator.get_page(request.GET.get("page", "1")[:12])
    query = request.GET.copy()
    query.pop("page", None)
    return page.render(
        request,
        template="community/declaration/signatories.html",
        context_overrides={
            "form": form,
            "listing": listing,
            "total": paginator.count,
            "all_total": selectors.signatories().count(),
            "counts": selectors.signatory_counts(queryset),
            "query_without_page": query.urlencode(),
        },
    )
