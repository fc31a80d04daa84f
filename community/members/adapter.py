"""allauth adapter: members are never staff, sign-in lands on the member's profile,
allauth's messages use GOV.UK wording, and its emails are the site's (links on SITE_URL, a
text and an HTML part)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from allauth.account.adapter import DefaultAccountAdapter

from community.emails import html_alternative
from core.site_url import absolute_url, site_url


class MemberAccountAdapter(DefaultAccountAdapter):
    # GOV.UK error messages say what went wrong and how to fix it, without "please".
    error_messages = {  # noqa: RUF012 - extends allauth's class attribute of the same shape
        **DefaultAccountAdapter.error_messages,
        "cannot_remove_primary_email": "You cannot remove your main email address. "
        "Make another confirmed address your main one first",
        "duplicate_email": "This email address is already on your account",
        "email_taken": "Another account already uses this email address",
        "enter_current_password": "Your current password is not correct",
        "incorrect_password": "The password is not correct",
        "rate_limited": "You have tried too many times. Wait a few minutes, then try again",
        "too_many_login_attempts": "You have tried too many times. Wait 15 minutes, "
        "then try again, or ask for a code to sign in by email",
        "incorrect_code": "The code is not correct. Check the email we sent and try again",
    }

    def send_mail(self, template_prefix, email, context):
        """allauth builds its links (activate_url, password_reset_url, signup_url) from the
        Host the request came in on; every one moves onto SITE_URL. The templates in
        community/templates/account/email/ are the site's own."""
        links = {
            key: absolute_url(value)
            for key, value in context.items()
            if key.endswith("_url") and isinstance(value, str) and value
        }
        context = {**context, "site_name": settings.SITE_NAME, "site_url": site_url(), **links}
        super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        # The HTML part is made from the text part, as for every email the site sends.
        if isinstance(message, EmailMultiAlternatives) and not message.alternatives:
            html = html_alternative(subject=message.subject, text=message.body)
            message.attach_alternative(html, "text/html")
        return message

    def add_message(self, request, level, message_template=None, *args, **kwargs):
        # Confirming an address also signs the member in (ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION):
        # "You have confirmed" is the one banner; a second, "Successfully signed in", was noise.
        confirming = getattr(request.resolver_match, "url_name", "") == "account_confirm_email"
        if confirming and message_template == "account/messages/logged_in.txt":
            return
        super().add_message(request, level, message_template, *args, **kwargs)

    def is_open_for_signup(self, request):
        return bool(getattr(settings, "COMMUNITY_SIGNUP_OPEN", True))

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.is_staff = False
        user.is_superuser = False
        if commit:
            user.save()
        return user

    def get_login_redirect_url(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not hasattr(user, "member_profile")
            and user.has_perm("wagtailadmin.access_admin")
        ):
            return reverse("wagtailadmin_home")
        return super().get_login_redirect_url(request)
