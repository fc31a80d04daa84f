"""Members' forms: allauth's account forms in GOV.UK wording, the profile and account deletion."""

from typing import ClassVar

from django import forms
from django.contrib.auth.hashers import make_password
from django.db.models import Q

from allauth.account.forms import (
    AddEmailForm,
    ChangePasswordForm,
    ConfirmLoginCodeForm,
    LoginForm,
    ReauthenticateForm,
    RequestLoginCodeForm,
    ResetPasswordForm,
    ResetPasswordKeyForm,
    SetPasswordForm,
    SignupForm,
)

from community.govuk_forms import (
    GovukAllauthFormMixin,
    email_messages,
    organisation_choices,
    organisation_field,
    required,
    text_field,
)
from community.members.services import member_create
from community.text import person_name, plain_text
from organisations.models import Organisation


class MemberSignupForm(GovukAllauthFormMixin, SignupForm):
    """allauth's sign-up plus who you are and which organisation you work for."""

    # Plain fields, not text_field: sign-up keeps Django's own length message, as it always
    # had; giving it the profile form's wording is a change to what users read, not a refactor.
    full_name = forms.CharField(
        label="Full name", max_length=150, error_messages=required("Enter your full name")
    )
    job_title = forms.CharField(label="Job title (optional)", max_length=150, required=False)
    organisation = organisation_field(
        help_text="If your work email is on one of your organisation's email domains you are verified "
        "straight away; otherwise a moderator checks.",
    )
    field_order = ("full_name", "job_title", "organisation", "email", "password1", "password2")
    govuk_labels: ClassVar = {"email": "Work email address"}
    govuk_messages: ClassVar = {
        "email": email_messages("Enter your work email address"),
        "password1": required("Enter a password"),
        "password2": required("Enter your password again"),
    }

    def clean_full_name(self):
        name = person_name(self.cleaned_data["full_name"])
        if not name:
            raise forms.ValidationError("Enter your full name")
        return name

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_choices()
        self.order_fields(self.field_order)

    def try_save(self, request):
        if self.account_already_exists:
            # Hash the password anyway and throw it away: hashing is most of a new account's
            # time, so skipping it told anyone timing the answer that the address was taken.
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)

    def save(self, request):
        user = super().save(request)
        member_create(
            user=user,
            full_name=self.cleaned_data["full_name"],
            job_title=self.cleaned_data.get("job_title", ""),
            organisation=self.cleaned_data["organisation"],
        )
        return user


class MemberLoginForm(GovukAllauthFormMixin, LoginForm):
    govuk_labels: ClassVar = {"login": "Email address"}
    govuk_messages: ClassVar = {
        "login": email_messages("Enter your email address"),
        "password": required("Enter your password"),
    }
    # allauth's help text is a bare "forgot your password" link; the page has its own.
    govuk_no_help_text = ("password",)


class MemberResetPasswordForm(GovukAllauthFormMixin, ResetPasswordForm):
    govuk_messages: ClassVar = {"email": email_messages("Enter your email address")}


class MemberRequestLoginCodeForm(GovukAllauthFormMixin, RequestLoginCodeForm):
    govuk_labels: ClassVar = {"email": "Email address"}
    govuk_messages: ClassVar = {"email": email_messages("Enter your email address")}


class MemberConfirmLoginCodeForm(GovukAllauthFormMixin, ConfirmLoginCodeForm):
    govuk_labels: ClassVar = {"code": "Sign-in code"}
    govuk_messages: ClassVar = {"code": required("Enter the code we emailed you")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs["spellcheck"] = "false"


class MemberProfileForm(forms.Form):
    """What a member may change about themselves; verification is never theirs to set."""

    full_name = text_field("Full name", enter="Enter your full name", max_length=150)
    job_title = text_field("Job title (optional)", max_length=150, required=False)
    organisation = organisation_field(
        help_text="If you change organisation, we check again that you work there: straight away "
        "when a confirmed email address of yours is on one of its email domains, otherwise a moderator "
        "checks.",
    )

    def __init__(self, *args, current_organisation_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = organisation_choices()
        if current_organisation_id is not None:
            # An organisation that has since closed or merged stays choosable for its members, so
            # they can still correct their name without being forced to move.
            choices = Organisation.objects.filter(
                Q(is_current=True) | Q(pk=current_organisation_id)
            ).order_by("name")
        self.fields["organisation"].queryset = choices

    def clean_full_name(self):
        name = person_name(self.cleaned_data["full_name"])
        if not name:
            raise forms.ValidationError("Enter your full name")
        return name

    def clean_job_title(self):
        return plain_text(self.cleaned_data.get("job_title", ""))


class GovukPasswordFormMixin(GovukAllauthFormMixin):
    """allauth's password forms: the same GOV.UK wording on every password field."""

    govuk_messages: ClassVar = {
        "oldpassword": required("Enter your current password"),
        "password": required("Enter your password"),
        "password1": required("Enter a new password"),
        "password2": required("Enter the new password again"),
    }
    govuk_mismatch_message = "Enter the same password in both boxes"


NEW_PASSWORD_LABELS = {"password1": "New password", "password2": "Confirm new password"}


class MemberChangePasswordForm(GovukPasswordFormMixin, ChangePasswordForm):
    govuk_labels: ClassVar = {"oldpassword": "Current password", **NEW_PASSWORD_LABELS}
    # allauth's help text is a bare "forgot your password" link; the page has a GOV.UK one.
    govuk_no_help_text = ("oldpassword",)


class MemberSetPasswordForm(GovukPasswordFormMixin, SetPasswordForm):
    govuk_labels: ClassVar = {"password1": "Password", "password2": "Confirm password"}


class MemberResetPasswordKeyForm(GovukPasswordFormMixin, ResetPasswordKeyForm):
    govuk_labels: ClassVar = NEW_PASSWORD_LABELS


class MemberReauthenticateForm(GovukPasswordFormMixin, ReauthenticateForm):
    govuk_labels: ClassVar = {"password": "Password"}
    # allauth puts a "forgot your password" link in the help text; the page has its own.
    govuk_no_help_text = ("password",)


class MemberAddEmailForm(GovukAllauthFormMixin, AddEmailForm):
    govuk_labels: ClassVar = {"email": "Email address"}
    govuk_messages: ClassVar = {"email": email_messages("Enter an email address")}


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand that deleting my account cannot be undone",
        error_messages=required(
            "Confirm that you understand deleting your account cannot be undone"
        ),
    )
