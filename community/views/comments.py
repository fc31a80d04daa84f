"""'Share your experience': comments by verified members, moderated before they appear."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from community import services
from community.forms import CommentForm, ReportForm
from community.models import Comment, ModerationStatus
from community.ratelimit import rate_limit
from community.views.access import member_required, signed_in_required
from community.views.reuse import public_page_or_404
from core import selectors as core_selectors


@member_required()
@rate_limit("comment")
def create(request, profile, page_id):
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
def report(request, comment_id):
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
