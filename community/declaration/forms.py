"""The Declaration's forms: signing it, and filtering its signatories."""

from django import forms

from community.declaration.selectors import organisation_has_signed
from community.govuk_forms import (
    email_messages,
    filter_checkboxes,
    organisation_choices,
    organisation_field,
    required,
    text_field,
)
from organisations.domains import domain_is_personal_mail, email_domain, mailbox
from organisations.models import NATIONS, Organisation, OrganisationType


def _work_email_errors(value: str) -> str | None:
    if domain_is_personal_mail(email_domain(value)):
        return "Enter a work email address, not a personal one"
    return None


class SignatureForm(forms.Form):
    organisation = organisation_field(
        select="Select the organisation that is signing",
        invalid="Select the organisation from the list",
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
        error_messages=email_messages("Enter the digital lead's work email address"),
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
        error_messages=email_messages("Enter the senior approver's work email address"),
    )
    commitment_title = text_field(
        "Title of your first commitment",
        enter="Enter a title for your commitment",
        max_length=200,
        too_long="The title must be 200 characters or fewer",
    )
    commitment_partners = text_field(
        "Partners (optional)",
        required=False,
        max_length=500,
        help_text="Other organisations you will work with",
    )
    commitment_mission = text_field(
        "Mission",
        enter="Enter the mission of your commitment",
        max_length=2000,
        too_long="The mission must be 2,000 characters or fewer",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What you will do",
    )
    commitment_impact = text_field(
        "Impact",
        enter="Enter the impact of your commitment",
        max_length=2000,
        too_long="The impact must be 2,000 characters or fewer",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What will be different when you have done it",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_choices()

    def clean_organisation(self):
        organisation = self.cleaned_data["organisation"]
        if organisation_has_signed(organisation):
            raise forms.ValidationError(f"{organisation.name} has already signed the Declaration")
        return organisation

    def _work_email(self, name: str, *, whose: str) -> str:
        value = self.cleaned_data[name].lower()
        error = _work_email_errors(value)
        if error:
            raise forms.ValidationError(error.replace("a work email", f"{whose} work email"))
        return value

    def clean_lead_email(self):
        return self._work_email("lead_email", whose="the digital lead's")

    def clean_approver_email(self):
        return self._work_email("approver_email", whose="the senior approver's")

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
    organisation_type = filter_checkboxes("Type of organisation", choices=OrganisationType.choices)
    nation = filter_checkboxes("Nation")
    region = filter_checkboxes("Region")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nation"].choices = NATIONS
        regions = (
            Organisation.objects.exclude(region="")
            .order_by("region")
            .values_list("region", flat=True)
            .distinct()
        )
        self.fields["region"].choices = [(region, region) for region in regions]
