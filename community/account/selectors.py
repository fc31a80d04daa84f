"""A member's own account across every feature: everything we hold about them."""

from community.contributions import selectors as contributions_selectors
from community.models import (
    Comment,
    Follow,
    Interest,
    MemberProfile,
    Opportunity,
    ReuseRecord,
)


def member_data_export(*, user) -> dict:
    """Everything we hold about a member, as one JSON-ready dictionary."""

    profile = MemberProfile.objects.filter(user=user).select_related("organisation").first()
    return {
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "profile": {
            "full_name": profile.full_name,
            "job_title": profile.job_title,
            "organisation": profile.organisation.name,
            "organisation_code": profile.organisation.code,
            "verification_status": profile.verification_status,
            "verified_at": profile.verified_at.isoformat() if profile.verified_at else None,
        }
        if profile
        else None,
        "contributions": [
            {
                "title": item.page.title,
                "type": item.page.content_type_label,
                "status": item.status,
                "url": item.public_url,
            }
            for item in contributions_selectors.contributions_for_user(user)
        ],
        "reuse_records": [
            {
                "page": record.page.title,
                "organisation": record.organisation.name,
                "note": record.note,
                "created_at": record.created_at.isoformat(),
            }
            for record in ReuseRecord.objects.filter(recorded_by=user).select_related(
                "page", "organisation"
            )
        ],
        "comments": [
            {
                "page": comment.page.title,
                "body": comment.body,
                "status": comment.status,
                "created_at": comment.created_at.isoformat(),
            }
            for comment in Comment.objects.filter(author=user).select_related("page")
        ],
        "follows": [
            {"kind": follow.kind, "value": follow.value, "frequency": follow.frequency}
            for follow in Follow.objects.filter(user=user)
        ],
        "opportunities": [
            {
                "title": item.title,
                "description": item.description,
                "status": item.status,
                "closing_date": item.closing_date.isoformat(),
            }
            for item in Opportunity.objects.filter(created_by=user)
        ],
        "interests": [
            {
                "opportunity": item.opportunity.title,
                "message": item.message,
                "created_at": item.created_at.isoformat(),
            }
            for item in Interest.objects.filter(user=user).select_related("opportunity")
        ],
    }
