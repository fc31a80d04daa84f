"""Sign-in helpers: who django-axes counts failures against, and who counts as a member."""

from django.contrib.auth.models import AnonymousUser


def axes_username(request, credentials: dict | None) -> str:
    """The address or name being tried, whichever form (ours, allauth's, Wagtail's) sent it."""
    credentials = credentials or {}
    for key in ("email", "username", "login"):
        value = credentials.get(key)
        if value:
            return str(value).strip().lower()[:254]
    data = getattr(request, "POST", {}) or {}
    for key in ("login", "email", "username"):
        value = data.get(key)
        if value:
            return str(value).strip().lower()[:254]
    return ""


def member_profile(user):
    """The member profile of `user`, or None (anonymous users and staff without one)."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return None
    try:
        return user.member_profile
    except AttributeError:  # RelatedObjectDoesNotExist is an AttributeError
        return None


def verified_member(user):
    """The profile if `user` is a verified member whose email address is confirmed, else None."""
    profile = member_profile(user)
    if profile is None or not profile.is_verified:
        return None
    return profile
