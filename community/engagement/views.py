"""Engagement's pages: record reuse, comment, report, follow and unsubscribe."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from community.access import member_required, signed_in_required
from community.engagement import selectors, services
from community.engagement.forms import CommentForm, FollowForm, ReportForm, ReuseForm
from community.feeds import follow_target
from community.models import Comment, Follow, ModerationStatus
from community.ratelimit import rate_limit
from core import selectors as core_selectors


def public_page_or_404(page_id: int):
    page = core_selectors.public_content_pages().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page.specific


@member_required()
@rate_limit("reuse")
def reuse_record(request, profile, page_id):
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
def reuse_remove(request, profile, page_id):
    page = public_page_or_404(page_id)
    if services.reuse_remove(page=page, profile=profile):
        messages.success(
            request, f"Removed: {profile.organisation.name} no longer shows as reusing this."
        )
    return redirect(page.url)


@member_required()
@rate_limit("comment")
def comment_create(request, profile, page_id):
    page = public_page_or_404(page_id)
    form = CommentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.comment_create(page=page, profile=profile, body=form.cleaned_data["body"])
        messages.success(
            request, "Thank you. A moderator will read your comment before it appears."
        )
        return redirect(page.url)
    return render(request, "community/comments/form.html", {"form": form, "page": page})


@signed_in_required
@rate_limit("report")
def comment_report(request, comment_id):
    comment = (
        Comment.objects.filter(pk=comment_id, status=ModerationStatus.APPROVED)
        .select_related("page")
        .first()
    )
    if (
        comment is None
        or not core_selectors.public_content_pages().filter(pk=comment.page_id).exists()
    ):
        raise Http404
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.comment_report(
            comment=comment, user=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, "Thank you. A moderator will look at this comment.")
        return redirect(comment.page.url)
    return render(request, "community/comments/report.html", {"form": form, "comment": comment})


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
