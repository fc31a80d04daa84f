"""Settings for members, sign-in, rate limits and the rest of the community app."""

import datetime
import os


def _insert_after(items: list, anchor: str, new: str) -> None:
    if new in items:
        return
    position = items.index(anchor) + 1 if anchor in items else len(items)
    items.insert(position, new)


def apply(settings: dict) -> None:
    """Called at the end of base.py with its globals, so this can extend its lists."""
    apps = settings["INSTALLED_APPS"]
    for app in ("allauth", "allauth.account", "axes"):
        if app not in apps:
            apps.append(app)

    middleware = settings["MIDDLEWARE"]
    _insert_after(
        middleware,
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "allauth.account.middleware.AccountMiddleware",
    )
    # Axes must come last so it sees every failed sign-in the views produced.
    if "axes.middleware.AxesMiddleware" not in middleware:
        middleware.append("axes.middleware.AxesMiddleware")

    settings["AUTHENTICATION_BACKENDS"] = [
        # Axes first: it refuses a locked-out user and address before any password check.
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
        "allauth.account.auth_backends.AuthenticationBackend",
    ]

    settings["LOGIN_URL"] = "account_login"
    settings["LOGIN_REDIRECT_URL"] = "community:profile"
    settings["ACCOUNT_LOGOUT_REDIRECT_URL"] = "/"

    # django-allauth: email is the login; a confirmed address is required before sign-in.
    settings["ACCOUNT_LOGIN_METHODS"] = {"email"}
    settings["ACCOUNT_SIGNUP_FIELDS"] = ["email*", "password1*", "password2*"]
    settings["ACCOUNT_FORMS"] = {
        "signup": "community.members.forms.MemberSignupForm",
        "login": "community.members.forms.MemberLoginForm",
        "reset_password": "community.members.forms.MemberResetPasswordForm",
        "reset_password_from_key": "community.members.forms.MemberResetPasswordKeyForm",
        "change_password": "community.members.forms.MemberChangePasswordForm",
        "set_password": "community.members.forms.MemberSetPasswordForm",
        "add_email": "community.members.forms.MemberAddEmailForm",
        "reauthenticate": "community.members.forms.MemberReauthenticateForm",
        "request_login_code": "community.members.forms.MemberRequestLoginCodeForm",
        "confirm_login_code": "community.members.forms.MemberConfirmLoginCodeForm",
    }
    # Switch off to close sign-up (say, during a wave of spam accounts); sign-in still works.
    settings.setdefault("COMMUNITY_SIGNUP_OPEN", True)
    settings["ACCOUNT_ADAPTER"] = "community.members.adapter.MemberAccountAdapter"
    settings["ACCOUNT_EMAIL_VERIFICATION"] = "mandatory"
    settings["ACCOUNT_UNIQUE_EMAIL"] = True
    settings["ACCOUNT_CONFIRM_EMAIL_ON_GET"] = False
    settings["ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION"] = True
    settings["ACCOUNT_LOGIN_ON_PASSWORD_RESET"] = False
    settings["ACCOUNT_EMAIL_SUBJECT_PREFIX"] = f"[{settings['SITE_NAME']}] "
    settings["ACCOUNT_SESSION_REMEMBER"] = False
    settings["ACCOUNT_PREVENT_ENUMERATION"] = True
    # Members confirm who they are (before deleting their account, say) with their password.
    settings["ACCOUNT_REAUTHENTICATION_METHODS"] = ("password",)
    # Sign-in by a code emailed to the member: the way back for a member locked out of
    # password sign-in (the lockout page offers it), since nobody can lock them out of their
    # own inbox. The code works once, only in the browser that asked for it, for 10 minutes,
    # and three wrong tries end it.
    settings["ACCOUNT_LOGIN_BY_CODE_ENABLED"] = True
    settings["ACCOUNT_LOGIN_BY_CODE_TIMEOUT"] = 10 * 60
    settings["ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS"] = 3
    # allauth's own rate limits use the cache (Redis when REDIS_URL is set).
    settings["ACCOUNT_RATE_LIMITS"] = {
        "signup": "10/h/ip",
        "login": "30/m/ip",
        # Failures count against the *address* only, whichever accounts it tries. Never add a
        # per-account ("key") limit here: anyone could then lock a member out everywhere by
        # failing with their email address (issue 14). The account at one address is axes'.
        "login_failed": "10/m/ip,30/15m/ip",
        # Per account too, so nobody can flood a member's inbox with codes; a member who hits
        # it still has the password reset.
        "request_login_code": "10/h/ip,3/15m/key",
        "reset_password": "5/h/ip,3/h/key",
        "reset_password_from_key": "20/m/ip",
        "confirm_email": "3/h/key",
        "change_password": "5/m/user",
        # Each address added is a confirmation email: 10 a minute was 600 an hour per account.
        "manage_email": "10/h/user",
    }

    # django-axes: lock a user *at an address* after repeated failures, for a cool-off only.
    settings["AXES_ENABLED"] = True
    settings["AXES_FAILURE_LIMIT"] = 5
    settings["AXES_COOLOFF_TIME"] = datetime.timedelta(minutes=15)
    settings["AXES_LOCKOUT_PARAMETERS"] = [["username", "ip_address"]]
    settings["AXES_RESET_ON_SUCCESS"] = True
    # Failures during a lockout do not extend it, and the lockout page says why.
    settings["AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT"] = False
    settings["AXES_USERNAME_CALLABLE"] = "community.auth.axes_username"
    settings["AXES_LOCKOUT_TEMPLATE"] = "community/account/lockout.html"
    settings["AXES_HTTP_RESPONSE_CODE"] = 429
    settings["AXES_VERBOSE"] = False
    # Behind proxies of our own (a load balancer, nginx), the client's address is the one the
    # nearest of them appended to X-Forwarded-For; every limit and lockout reads it the same
    # way (community.ratelimit.client_ip). 0: REMOTE_ADDR, the header is ignored.
    settings["ALLAUTH_TRUSTED_PROXY_COUNT"] = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
    settings["AXES_CLIENT_IP_CALLABLE"] = "community.ratelimit.client_ip"

    # Our own limits on every public form: (requests, seconds) per client address.
    settings["COMMUNITY_RATE_LIMITS"] = {
        "signup": (10, 3600),
        "contribute": (10, 3600),
        "reuse": (30, 3600),
        "comment": (10, 3600),
        "report": (20, 3600),
        "declaration": (5, 3600),
        "opportunity": (10, 3600),
        "interest": (20, 3600),
        "follow": (60, 3600),
        # A Declaration project's update: each emails every moderator.
        "project_update": (10, 3600),
        # Each change of organisation emails every moderator.
        "profile_edit": (20, 3600),
        # Wagtail's password-protected pages: a guess per request, otherwise unlimited.
        "page_password": (20, 3600),
    }
    settings["COMMUNITY_UPLOAD_MAX_BYTES"] = 10 * 1024 * 1024
