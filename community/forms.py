"""Community forms, with error messages worded as the GOV.UK Design System recommends."""

import datetime
import re
from decimal import Decimal

from django import forms
from django.contrib.auth.hashers import make_password
from django.db.models import Q
from django.utils import timezone

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

from community.models import BudgetBand, DigestFrequency, FollowKind, Seeking
from community.text import person_name, plain_text
from community.uploads import validate_document_upload
from core.models import PHASES, ServiceArea
from organisations.domains import domain_is_personal_mail, email_domain, mailbox
from organisations.models import Organisation, OrganisationType

MAX_TAGS = 10


def organisation_choices():
    return Organisation.objects.filter(is_current=True).order_by("name")


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


# Whole pounds, as people write them: "640000", "640,000", "£640,000", "£ 640,000.00".
WHOLE_POUNDS_RE = re.compile(r"£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.0{1,2})?")
MAX_POUNDS = 10**12 - 1  # the models' DecimalField(max_digits=12, decimal_places=0)


def whole_pounds(value: str) -> Decimal | None:
    """A sum of money in whole pounds, or None for an empty answer; ValueError otherwise."""
    value = (value or "").strip()
    if not value:
        return None
    match = WHOLE_POUNDS_RE.fullmatch(value)
    if not match:
        raise ValueError(value)
    pounds = int(match.group(1).replace(",", ""))
    if pounds > MAX_POUNDS:
        raise ValueError(value)
    return Decimal(pounds)


def label_subject(label: str) -> str:
    """ "Total cost (optional)" -> "the total cost", for error messages."""
    name = label.removesuffix(" (optional)")
    return "the " + name[0].lower() + name[1:]


def required(message: str) -> dict:
    return {"required": message}


def _set_messages(form, messages: dict) -> None:
    for name, errors in messages.items():
        if name in form.fields:
            form.fields[name].error_messages.update(errors)


# --- Accounts ------------------------------------------------------------------------------


class MemberSignupForm(SignupForm):
    """allauth's sign-up plus who you are and which organisation you work for."""

    full_name = forms.CharField(
        label="Full name", max_length=150, error_messages=required("Enter your full name")
    )
    job_title = forms.CharField(label="Job title (optional)", max_length=150, required=False)
    organisation = OrganisationChoiceField(
        label="Organisation",
        queryset=Organisation.objects.none(),
        empty_label="Select your organisation",
        help_text="If your work email is on one of your organisation's email domains you are verified "
        "straight away; otherwise a moderator checks.",
        error_messages={
            "required": "Select your organisation",
            "invalid_choice": "Select your organisation from the list",
        },
    )
    field_order = ("full_name", "job_title", "organisation", "email", "password1", "password2")

    def clean_full_name(self):
        name = person_name(self.cleaned_data["full_name"])
        if not name:
            raise forms.ValidationError("Enter your full name")
        return name

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_choices()
        self.fields["email"].label = "Work email address"
        _set_messages(
            self,
            {
                "email": {
                    "required": "Enter your work email address",
                    "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
                },
                "password1": {"required": "Enter a password"},
                "password2": {"required": "Enter your password again"},
            },
        )
        for name in ("email", "password1", "password2"):
            if name in self.fields:
                self.fields[name].widget.attrs.pop("placeholder", None)
        self.order_fields(self.field_order)

    def try_save(self, request):
        if self.account_already_exists:
            # Hash the password anyway and throw it away: hashing is most of a new account's
            # time, so skipping it told anyone timing the answer that the address was taken.
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)

    def save(self, request):
        from community.services import member_create

        user = super().save(request)
        member_create(
            user=user,
            full_name=self.cleaned_data["full_name"],
            job_title=self.cleaned_data.get("job_title", ""),
            organisation=self.cleaned_data["organisation"],
        )
        return user


class MemberLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _set_messages(
            self,
            {
                "login": {
                    "required": "Enter your email address",
                    "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
                },
                "password": {"required": "Enter your password"},
            },
        )
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        if "login" in self.fields:
            self.fields["login"].label = "Email address"
        if "password" in self.fields:
            # allauth's help text is a bare "forgot your password" link; the page has its own.
            self.fields["password"].help_text = ""


class MemberResetPasswordForm(ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _set_messages(
            self,
            {
                "email": {
                    "required": "Enter your email address",
                    "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
                }
            },
        )
        self.fields["email"].widget.attrs.pop("placeholder", None)


class MemberRequestLoginCodeForm(RequestLoginCodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].widget.attrs.pop("placeholder", None)
        _set_messages(
            self,
            {
                "email": {
                    "required": "Enter your email address",
                    "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
                }
            },
        )


class MemberConfirmLoginCodeForm(ConfirmLoginCodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = "Sign-in code"
        self.fields["code"].widget.attrs.pop("placeholder", None)
        self.fields["code"].widget.attrs["spellcheck"] = "false"
        _set_messages(self, {"code": {"required": "Enter the code we emailed you"}})


class MemberProfileForm(forms.Form):
    """What a member may change about themselves; verification is never theirs to set."""

    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        error_messages={
            "required": "Enter your full name",
            "max_length": "Full name must be 150 characters or fewer",
        },
    )
    job_title = forms.CharField(
        label="Job title (optional)",
        max_length=150,
        required=False,
        error_messages={"max_length": "Job title must be 150 characters or fewer"},
    )
    organisation = OrganisationChoiceField(
        label="Organisation",
        queryset=Organisation.objects.none(),
        empty_label="Select your organisation",
        help_text="If you change organisation, we check again that you work there: straight away "
        "when a confirmed email address of yours is on one of its email domains, otherwise a moderator "
        "checks.",
        error_messages={
            "required": "Select your organisation",
            "invalid_choice": "Select your organisation from the list",
        },
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


def _govuk_password_fields(form, labels: dict[str, str]) -> None:
    """Our labels and GOV.UK wording on allauth's password fields; no placeholders."""
    messages = {
        "oldpassword": {"required": "Enter your current password"},
        "password": {"required": "Enter your password"},
        "password1": {"required": "Enter a new password"},
        "password2": {"required": "Enter the new password again"},
    }
    _set_messages(form, messages)
    for name, label in labels.items():
        if name in form.fields:
            form.fields[name].label = label
    for field in form.fields.values():
        field.widget.attrs.pop("placeholder", None)


def _govuk_password_match(form) -> None:
    """allauth says "You must type the same password each time."; GOV.UK says what to do."""
    errors = form.errors.get("password2")
    if errors and any("same password" in str(error) for error in errors):
        form.errors["password2"] = form.error_class(["Enter the same password in both boxes"])


NEW_PASSWORD_LABELS = {"password1": "New password", "password2": "Confirm new password"}


class MemberChangePasswordForm(ChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _govuk_password_fields(self, {"oldpassword": "Current password", **NEW_PASSWORD_LABELS})
        # allauth's help text is a bare "forgot your password" link; the page has a GOV.UK one.
        self.fields["oldpassword"].help_text = ""

    def clean(self):
        cleaned = super().clean()
        _govuk_password_match(self)
        return cleaned


class MemberSetPasswordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _govuk_password_fields(self, {"password1": "Password", "password2": "Confirm password"})

    def clean(self):
        cleaned = super().clean()
        _govuk_password_match(self)
        return cleaned


class MemberResetPasswordKeyForm(ResetPasswordKeyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _govuk_password_fields(self, NEW_PASSWORD_LABELS)

    def clean(self):
        cleaned = super().clean()
        _govuk_password_match(self)
        return cleaned


class MemberReauthenticateForm(ReauthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _govuk_password_fields(self, {"password": "Password"})
        # allauth puts a "forgot your password" link in the help text; the page has its own.
        self.fields["password"].help_text = ""


class MemberAddEmailForm(AddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].widget.attrs.pop("placeholder", None)
        _set_messages(
            self,
            {
                "email": {
                    "required": "Enter an email address",
                    "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
                }
            },
        )


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand that deleting my account cannot be undone",
        error_messages=required(
            "Confirm that you understand deleting your account cannot be undone"
        ),
    )


# --- Contributions -------------------------------------------------------------------------


class ContributionForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=255,
        error_messages={
            "required": "Enter a title",
            "max_length": "Title must be 255 characters or fewer",
        },
    )
    summary = forms.CharField(
        label="Summary",
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One or two sentences shown in listings and search results.",
        error_messages={
            "required": "Enter a summary",
            "max_length": "Summary must be 600 characters or fewer",
        },
    )
    body = forms.CharField(
        label="Anything else readers should know (optional)",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"max_length": "This must be 20,000 characters or fewer"},
    )
    service_areas = forms.ModelMultipleChoiceField(
        label="Service areas (optional)",
        required=False,
        queryset=ServiceArea.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select service areas from the list"},
    )
    tags = forms.CharField(
        label="Tags (optional)",
        required=False,
        max_length=500,
        help_text="Separate tags with commas, for example: repairs, housing, chatbot",
    )
    document = forms.FileField(
        label="Supporting document (optional)",
        required=False,
        help_text="PDF, DOCX, XLSX, ODT, ODS, CSV or TXT, smaller than 10 MB.",
        error_messages={
            "empty": "The selected file is empty",
            "invalid": "Select a file to upload",
        },
    )
    document_title = forms.CharField(
        label="Document title (optional)", required=False, max_length=255
    )
    licence_confirmed = forms.BooleanField(
        label="I confirm my organisation is happy to publish this under the Open Government Licence",
        error_messages=required(
            "Confirm your organisation is happy to publish this under the Open Government Licence"
        ),
    )

    def __init__(self, *args, contribution_type, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.contribution_type = contribution_type
        self.fields["service_areas"].queryset = ServiceArea.objects.all()
        for field_name, label in contribution_type.rich_fields:
            self.fields[field_name] = forms.CharField(
                label=label,
                max_length=10000,
                widget=forms.Textarea(attrs={"rows": 6}),
                error_messages={
                    "required": f"Enter {label[0].lower()}{label[1:]}",
                    "max_length": f"{label} must be 10,000 characters or fewer",
                },
            )
        for field_name, label, hint in contribution_type.money_fields:
            self.fields[field_name] = forms.CharField(
                label=label,
                required=False,
                max_length=30,
                help_text=f"{hint} For example, 640000.",
                widget=forms.TextInput(
                    attrs={"class": "govuk-input--width-10", "inputmode": "numeric"}
                ),
                error_messages={"max_length": f"Enter {label_subject(label)} in whole pounds"},
            )
        order = [
            "title",
            "summary",
            *[name for name, _ in contribution_type.rich_fields],
            *[name for name, _label, _hint in contribution_type.money_fields],
            "body",
            "service_areas",
            "tags",
            "document",
            "document_title",
            "licence_confirmed",
        ]
        if editing:
            del self.fields["document"], self.fields["document_title"]
            order = [name for name in order if name in self.fields]
        self.order_fields(order)

    def clean(self):
        cleaned = super().clean()
        for field_name, label, _hint in self.contribution_type.money_fields:
            if field_name in cleaned:
                try:
                    cleaned[field_name] = whole_pounds(cleaned[field_name])
                except ValueError:
                    self.add_error(
                        field_name,
                        f"Enter {label_subject(label)} in whole pounds, like 640000",
                    )
        low, high = cleaned.get("budget_min"), cleaned.get("budget_max")
        if low is not None and high is not None and low > high:
            self.add_error("budget_max", "The highest budget must be at least the lowest budget")
        return cleaned

    def clean_title(self):
        title = plain_text(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError("Enter a title")
        return title

    def clean_tags(self):
        raw = self.cleaned_data.get("tags", "")
        tags = list(
            dict.fromkeys(plain_text(tag).lower()[:50] for tag in raw.split(",") if plain_text(tag))
        )
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(f"Enter {MAX_TAGS} tags or fewer")
        return tags

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if upload:
            validate_document_upload(upload)
        return upload


# --- Reuse, comments, reports, follows -----------------------------------------------------


class ReuseForm(forms.Form):
    note = forms.CharField(
        label="How you reused it (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Your note must be 500 characters or fewer"},
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label="Share your experience",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="A moderator reads every comment before it appears.",
        error_messages={
            "required": "Enter your comment",
            "max_length": "Your comment must be 3,000 characters or fewer",
        },
    )

    def clean_body(self):
        body = plain_text(self.cleaned_data["body"])
        if not body:
            raise forms.ValidationError("Enter your comment")
        return body


class ReportForm(forms.Form):
    reason = forms.CharField(
        label="Why should a moderator look at this comment?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter why you are reporting this comment",
            "max_length": "Your reason must be 500 characters or fewer",
        },
    )


class FollowForm(forms.Form):
    kind = forms.ChoiceField(choices=FollowKind.choices, widget=forms.HiddenInput)
    value = forms.CharField(max_length=120, widget=forms.HiddenInput)
    frequency = forms.ChoiceField(
        label="How often do you want emails?",
        choices=DigestFrequency.choices,
        initial=DigestFrequency.DAILY,
        widget=forms.RadioSelect,
        error_messages=required("Select how often you want emails"),
    )


# --- The Declaration -----------------------------------------------------------------------


def _work_email_errors(value: str) -> str | None:
    if domain_is_personal_mail(email_domain(value)):
        return "Enter a work email address, not a personal one"
    return None


EMAIL_INVALID = "Enter an email address in the correct format, like name@example.gov.uk"


class SignatureForm(forms.Form):
    organisation = OrganisationChoiceField(
        label="Organisation",
        queryset=Organisation.objects.none(),
        empty_label="Select your organisation",
        error_messages={
            "required": "Select the organisation that is signing",
            "invalid_choice": "Select the organisation from the list",
        },
    )
    lead_name = forms.CharField(
        label="Full name",
        max_length=150,
        error_messages=required("Enter the digital lead's full name"),
    )
    lead_role = forms.CharField(
        label="Job title",
        max_length=150,
        error_messages=required("Enter the digital lead's job title"),
    )
    lead_email = forms.EmailField(
        label="Work email address",
        error_messages={
            "required": "Enter the digital lead's work email address",
            "invalid": EMAIL_INVALID,
        },
    )
    approver_name = forms.CharField(
        label="Full name",
        max_length=150,
        error_messages=required("Enter the senior approver's full name"),
    )
    approver_role = forms.CharField(
        label="Job title",
        max_length=150,
        help_text="For example, Chief Executive",
        error_messages=required("Enter the senior approver's job title"),
    )
    approver_email = forms.EmailField(
        label="Work email address",
        error_messages={
            "required": "Enter the senior approver's work email address",
            "invalid": EMAIL_INVALID,
        },
    )
    commitment_title = forms.CharField(
        label="Title of your first commitment",
        max_length=200,
        error_messages={
            "required": "Enter a title for your commitment",
            "max_length": "The title must be 200 characters or fewer",
        },
    )
    commitment_partners = forms.CharField(
        label="Partners (optional)",
        required=False,
        max_length=500,
        help_text="Other organisations you will work with",
        error_messages={"max_length": "Partners must be 500 characters or fewer"},
    )
    commitment_mission = forms.CharField(
        label="Mission",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What you will do",
        error_messages={
            "required": "Enter the mission of your commitment",
            "max_length": "The mission must be 2,000 characters or fewer",
        },
    )
    commitment_impact = forms.CharField(
        label="Impact",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What will be different when you have done it",
        error_messages={
            "required": "Enter the impact of your commitment",
            "max_length": "The impact must be 2,000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_choices()

    def clean_organisation(self):
        from community.selectors import organisation_has_signed

        organisation = self.cleaned_data["organisation"]
        if organisation_has_signed(organisation):
            raise forms.ValidationError(f"{organisation.name} has already signed the Declaration")
        return organisation

    def clean_lead_email(self):
        value = self.cleaned_data["lead_email"].lower()
        error = _work_email_errors(value)
        if error:
            raise forms.ValidationError(
                error.replace("a work email", "the digital lead's work email")
            )
        return value

    def clean_approver_email(self):
        value = self.cleaned_data["approver_email"].lower()
        error = _work_email_errors(value)
        if error:
            raise forms.ValidationError(
                error.replace("a work email", "the senior approver's work email")
            )
        return value

    def clean(self):
        cleaned = super().clean()
        lead, approver = cleaned.get("lead_email"), cleaned.get("approver_email")
        # One person with two spellings of one mailbox must not approve their own application.
        if lead and approver and mailbox(lead) == mailbox(approver):
            self.add_error(
                "approver_email",
                "The senior approver must be a different person from the digital lead",
            )
        return cleaned

    def signatory_data(self) -> dict:
        return {
            key: self.cleaned_data[key]
            for key in (
                "lead_name",
                "lead_role",
                "lead_email",
                "approver_name",
                "approver_role",
                "approver_email",
            )
        }

    def commitment_data(self) -> dict:
        return {
            "title": self.cleaned_data["commitment_title"],
            "partners": self.cleaned_data.get("commitment_partners", ""),
            "mission": self.cleaned_data["commitment_mission"],
            "impact": self.cleaned_data["commitment_impact"],
        }


class SignatoryFilterForm(forms.Form):
    q = forms.CharField(label="Search signatories", required=False, max_length=120)
    organisation_type = forms.MultipleChoiceField(
        label="Type of organisation",
        required=False,
        choices=OrganisationType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    nation = forms.MultipleChoiceField(
        label="Nation", required=False, choices=(), widget=forms.CheckboxSelectMultiple
    )
    region = forms.MultipleChoiceField(
        label="Region", required=False, choices=(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        from organisations.models import NATIONS

        super().__init__(*args, **kwargs)
        self.fields["nation"].choices = NATIONS
        regions = (
            Organisation.objects.exclude(region="")
            .order_by("region")
            .values_list("region", flat=True)
            .distinct()
        )
        self.fields["region"].choices = [(region, region) for region in regions]


# --- Collaboration -------------------------------------------------------------------------


class OpportunityForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=160,
        error_messages={
            "required": "Enter a title",
            "max_length": "Title must be 160 characters or fewer",
        },
    )
    description = forms.CharField(
        label="What do you want to work on together?",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter what you want to work on together",
            "max_length": "The description must be 3,000 characters or fewer",
        },
    )
    service_area = forms.ModelChoiceField(
        label="Service area (optional)",
        required=False,
        queryset=ServiceArea.objects.none(),
        empty_label="Select a service area",
        error_messages={"invalid_choice": "Select a service area from the list"},
    )
    phase = forms.ChoiceField(
        label="Phase",
        choices=PHASES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the phase the work is in",
            "invalid_choice": "Select the phase the work is in",
        },
    )
    seeking = forms.MultipleChoiceField(
        label="What are you looking for?",
        choices=Seeking.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select what you are looking for",
            "invalid_choice": "Select what you are looking for",
        },
    )
    budget_band = forms.ChoiceField(
        label="Budget",
        choices=BudgetBand.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a budget", "invalid_choice": "Select a budget"},
    )
    closing_day = forms.CharField(label="Day", max_length=2, required=False)
    closing_month = forms.CharField(label="Month", max_length=2, required=False)
    closing_year = forms.CharField(label="Year", max_length=4, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].queryset = ServiceArea.objects.all()

    def clean(self):
        cleaned = super().clean()
        parts = [cleaned.get(f"closing_{part}", "").strip() for part in ("day", "month", "year")]
        if not any(parts):
            self.add_error("closing_day", "Enter a closing date")
            return cleaned
        missing = [
            name for name, value in zip(("day", "month", "year"), parts, strict=True) if not value
        ]
        if missing:
            self.add_error("closing_day", f"Closing date must include a {' and '.join(missing)}")
            return cleaned
        try:
            day, month, year = (int(part) for part in parts)
            closing = datetime.date(year, month, day)
        except ValueError:
            self.add_error("closing_day", "Closing date must be a real date")
            return cleaned
        today = timezone.localdate()
        if closing < today:
            self.add_error("closing_day", "Closing date must be today or in the future")
        elif closing > today + datetime.timedelta(days=366):
            self.add_error("closing_day", "Closing date must be within the next year")
        cleaned["closing_date"] = closing
        return cleaned


class OpportunityFilterForm(forms.Form):
    service_area = forms.MultipleChoiceField(
        label="Service area", required=False, choices=(), widget=forms.CheckboxSelectMultiple
    )
    phase = forms.MultipleChoiceField(
        label="Phase", required=False, choices=PHASES, widget=forms.CheckboxSelectMultiple
    )
    seeking = forms.MultipleChoiceField(
        label="Looking for",
        required=False,
        choices=Seeking.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    budget_band = forms.MultipleChoiceField(
        label="Budget",
        required=False,
        choices=BudgetBand.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].choices = list(ServiceArea.objects.values_list("slug", "name"))


class InterestForm(forms.Form):
    message = forms.CharField(
        label="Message to the organisation (optional)",
        required=False,
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "Your message must be 1,500 characters or fewer"},
    )
