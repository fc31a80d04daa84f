"""Following tags, service areas, organisations and content types; one-click unsubscribe."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from community import selectors, services
from community.feeds import follow_target
from community.forms import FollowForm
from community.models import Follow
from community.ratelimit import rate_limit
from community.views.access import member_required, signed_in_required


def _next_url(request, fallback: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


@member_required(verified=False)
@rate_limit("follow")
def follow(request, profile):
    """GET: choose how often (kind and value in the query); POST: follow."""
    data = request.POST if request.method == "POST" else None
    form = FollowForm(
        data,
        initial={"kind": request.GET.get("kind", ""), "value": request.GET.get("value", "")[:120]},
    )
    kind = (data or request.GET).get("kind", "")
    value = (data or request.GET).get("value", "")[:120]
    target = follow_target(kind, value)
    if target is None:
        raise Http404
    if request.method == "POST" and form.is_valid():
        services.follow_add(
            user=request.user, kind=kind, value=value, frequency=form.cleaned_data["frequency"]
        )
        messages.success(request, f"You are following {target['label']}.")
        return redirect(_next_url(request, "community:follows"))
    return render(
        request,
        "community/follows/form.html",
        {"form": form, "target": target, "next": _next_url(request, "")},
    )


@signed_in_required
def follows(request):
    return render(
        request, "community/follows/list.html", {"items": selectors.member_follows(request.user)}
    )


@signed_in_required
@require_POST
def unfollow(request, follow_id):
    item = get_object_or_404(Follow, pk=follow_id, user=request.user)
    services.follow_remove(follow=item)
    messages.success(request, "You have stopped following that.")
    return redirect("community:follows")


@csrf_exempt  # RFC 8058 one-click unsubscribe: mail clients POST without our cookie or token.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The token in the email is the only credential: no sign-in needed to stop emails."""
    item = Follow.objects.filter(token=token).first()
    if request.method == "POST":
        if item is not None:
            services.follow_remove(follow=item)
        return render(request, "community/follows/unsubscribed.html")
    if item is None:
        return render(request, "community/follows/unsubscribed.html")
    target = follow_target(item.kind, item.value)
    return render(
        request,
        "community/follows/unsubscribe.html",
        {"item": item, "label": target["label"] if target else item.value},
    )
