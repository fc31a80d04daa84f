"""Who may do what: anonymous visitors sign in, members wait for verification, staff moderate."""

import functools

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render

from community.auth import member_profile


def refuse(request, template: str, status: int = 403, **context):
    return render(request, template, context, status=status)


def member_required(*, verified: bool = True):
    """Anonymous: to sign-in. Not a member (staff accounts): 403. Unverified: 403 explaining why.

    The view receives the member profile as `profile`.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            profile = member_profile(request.user)
            if profile is None:
                return refuse(request, "community/access/not_a_member.html")
            if verified and not profile.is_verified:
                return refuse(
                    request, "community/access/awaiting_verification.html", profile=profile
                )
            return view(request, *args, profile=profile, **kwargs)

        return wrapped

    return decorator


def signed_in_required(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped
