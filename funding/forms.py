"""The application form (a draft saves whatever is filled in; the round's rules are checked on
submission, funding.services.submission_problems), and the staff's assessment and decision."""

from django import forms

from community.govuk_forms import (
    choice_messages,
    organisation_choices,
    organisation_field,
    text_field,
)
from core.models import Principle
from funding import selectors
from funding.models import Phase
from projects.models import ProjectPage

PARTNER_ROWS = 5
BUDGET_ROWS = 8
MONEY_MESSAGES = {
    "invalid": "Enter the amount in whole pounds, like 120000",
    "min_value": "The amount must be £1 or more",
    "max_value": "The amount must be £10,000,000 or less",
}


def money_field(label: str, **kwargs) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=10_000_000,
        error_messages=MONEY_MESSAGES,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-10"}),
        **kwargs,
    )


class ApplicationForm(forms.Form):
    """One page: the project, the partners and the budget. Numbered rows, not formsets, so
    every error links to its own field (GOV.UK's error summary)."""

    project = forms.ModelChoiceField(
        label="Declaration project (optional)",
        queryset=ProjectPage.objects.none(),
        required=False,
        empty_label="A new project",
        help_text="A project your organisation leads on this site, or a new one.",
        error_messages=choice_messages("Select a project from the list"),
    )
    project_title = text_field("Project name", enter="Enter the project's name", max_length=200)
    phase = forms.ChoiceField(
        label="Phase", required=False, error_messages=choice_messages("Select a phase")
    )
    amount_requested = money_field("Amount requested (£)", help_text="In whole pounds.")
    problem = text_field(
        "The problem (optional until you submit)",
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What is wrong today, and for whom.",
    )
    users = text_field(
        "Who the users are (optional until you submit)",
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    plan = text_field(
        "The plan (optional until you submit)",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What you will do in this phase, who does it, and what you will publish.",
    )
    principles = forms.ModelMultipleChoiceField(
        label="Which Local Digital Declaration principles the project serves",
        queryset=Principle.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, round_page, lead_organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.round_page = round_page
        self.fields["phase"].choices = [("", "Select a phase")] + [
            (limit.phase, f"{Phase(limit.phase).label} (up to £{limit.maximum_amount:,})")
            for limit in round_page.phase_limit_list
        ]
        self.fields["principles"].queryset = Principle.objects.order_by("number")
        self.fields["project"].queryset = selectors.lead_projects(lead_organisation)
        partners = organisation_choices().exclude(pk=lead_organisation.pk)
        for row in range(1, PARTNER_ROWS + 1):
            field = organisation_field(
                f"Partner {row}: organisation (optional)",
                select=f"Select partner {row}'s organisation",
                required=False,
            )
            field.queryset = partners
            field.empty_label = "No partner"
            self.fields[f"partner_{row}_organisation"] = field
            self.fields[f"partner_{row}_name"] = text_field(
                f"Partner {row}: contact's name (optional)", max_length=150, required=False
            )
            self.fields[f"partner_{row}_email"] = forms.EmailField(
                label=f"Partner {row}: contact's work email (optional)",
                required=False,
                help_text="We email them a link to confirm their organisation takes part.",
                error_messages={
                    "invalid": "Enter an email address in the correct format, like "
                    "name@example.gov.uk"
                },
            )
        for row in range(1, BUDGET_ROWS + 1):
            self.fields[f"budget_{row}_description"] = text_field(
                f"Budget line {row}: what it pays for (optional)", max_length=200, required=False
            )
            self.fields[f"budget_{row}_amount"] = money_field(f"Budget line {row}: amount (£)")

    def clean(self):
        data = super().clean()
        seen = set()
        for row in range(1, PARTNER_ROWS + 1):
            organisation = data.get(f"partner_{row}_organisation")
            name = (data.get(f"partner_{row}_name") or "").strip()
            email = data.get(f"partner_{row}_email") or ""
            if organisation is None:
                if name or email:
                    self.add_error(
                        f"partner_{row}_organisation", f"Select partner {row}'s organisation"
                    )
                continue
            if organisation.pk in seen:
                self.add_error(
                    f"partner_{row}_organisation", f"{organisation.name} is already a partner"
                )
            seen.add(organisation.pk)
            if not name:
                self.add_error(
                    f"partner_{row}_name", f"Enter the name of {organisation.name}'s contact"
                )
            if not email and f"partner_{row}_email" not in self.errors:
                self.add_error(
                    f"partner_{row}_email", f"Enter the work email of {organisation.name}'s contact"
                )
        for row in range(1, BUDGET_ROWS + 1):
            description = (data.get(f"budget_{row}_description") or "").strip()
            amount = data.get(f"budget_{row}_amount")
            if description and amount is None and f"budget_{row}_amount" not in self.errors:
                self.add_error(f"budget_{row}_amount", f"Enter the amount for {description}")
            if amount is not None and not description:
                self.add_error(f"budget_{row}_description", f"Say what budget line {row} pays for")
        return data

    def partner_rows(self) -> list[tuple]:
        return [
            (
                self[f"partner_{row}_organisation"],
                self[f"partner_{row}_name"],
                self[f"partner_{row}_email"],
            )
            for row in range(1, PARTNER_ROWS + 1)
        ]

    def budget_rows(self) -> list[tuple]:
        return [
            (self[f"budget_{row}_description"], self[f"budget_{row}_amount"])
            for row in range(1, BUDGET_ROWS + 1)
        ]

    def partners(self) -> list[tuple]:
        data = self.cleaned_data
        return [
            (
                data[f"partner_{row}_organisation"],
                data[f"partner_{row}_name"].strip(),
                data[f"partner_{row}_email"],
            )
            for row in range(1, PARTNER_ROWS + 1)
            if data.get(f"partner_{row}_organisation")
        ]

    def budget_lines(self) -> list[tuple[str, int]]:
        data = self.cleaned_data
        return [
            (data[f"budget_{row}_description"].strip(), data[f"budget_{row}_amount"])
            for row in range(1, BUDGET_ROWS + 1)
            if data.get(f"budget_{row}_amount") is not None
        ]

    def application_fields(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            if data[name] is not None
            else (None if name == "amount_requested" else "")
            for name in ("project_title", "phase", "amount_requested", "problem", "users", "plan")
        } | {"project": data.get("project")}


def initial_for(application) -> dict:
    """The form's starting values from a saved draft."""
    initial = {
        "project_title": ""
        if application.project_title == "Untitled project"
        else application.project_title,
        "phase": application.phase,
        "project": application.project_id,
        "amount_requested": application.amount_requested,
        "problem": application.problem,
        "users": application.users,
        "plan": application.plan,
        "principles": list(application.principles.all()),
    }
    for row, partner in enumerate(application.partners.all(), start=1):
        initial[f"partner_{row}_organisation"] = partner.organisation_id
        initial[f"partner_{row}_name"] = partner.contact_name
        initial[f"partner_{row}_email"] = partner.contact_email
    for row, line in enumerate(application.budget_lines.all(), start=1):
        initial[f"budget_{row}_description"] = line.description
        initial[f"budget_{row}_amount"] = line.amount
    return initial


SCORES = [(str(n), str(n)) for n in range(6)]


class AssessmentForm(forms.Form):
    conflict_of_interest = forms.BooleanField(
        label="I have a conflict of interest with this application", required=False
    )
    conflict_note = forms.CharField(
        label="What the conflict is (if you have one)", max_length=500, required=False
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.ChoiceField(
                label=f"{criterion.title} ({criterion.weight}%): score from 0 to 5",
                choices=SCORES,
                required=False,
                widget=forms.RadioSelect,
                error_messages=choice_messages(f"Select a score for {criterion.title}"),
            )
            self.fields[f"reason_{criterion.pk}"] = forms.CharField(
                label=f"{criterion.title}: why this score",
                max_length=2000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def clean(self):
        data = super().clean()
        if data.get("conflict_of_interest"):
            if not (data.get("conflict_note") or "").strip():
                self.add_error("conflict_note", "Say what the conflict of interest is")
            return data
        for criterion in self.criteria:
            if data.get(f"score_{criterion.pk}") in (None, ""):
                self.add_error(f"score_{criterion.pk}", f"Select a score for {criterion.title}")
            if not (data.get(f"reason_{criterion.pk}") or "").strip():
                self.add_error(
                    f"reason_{criterion.pk}", f"Give the reason for the {criterion.title} score"
                )
        return data

    def scores(self) -> dict:
        data = self.cleaned_data
        return {
            criterion: (int(data[f"score_{criterion.pk}"]), data[f"reason_{criterion.pk}"].strip())
            for criterion in self.criteria
        }


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Decision",
        choices=[("funded", "Fund it"), ("not-funded", "Do not fund it")],
        widget=forms.RadioSelect,
        error_messages=choice_messages("Select whether to fund the application"),
    )
    amount_awarded = money_field("Amount awarded (£), if funded")
    reason = forms.CharField(
        label="Reasons for the decision (sent to the applicant and partners)",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Give the reasons for the decision"},
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application

    def clean(self):
        data = super().clean()
        if data.get("outcome") == "funded":
            amount = data.get("amount_awarded")
            if amount is None and "amount_awarded" not in self.errors:
                self.add_error("amount_awarded", "Enter the amount awarded, in pounds")
            maximum = self.application.round.maximum_for(self.application.phase)
            if amount and maximum and amount > maximum:
                self.add_error(
                    "amount_awarded",
                    f"The amount awarded must be £{maximum:,} or less, the round's most for "
                    "this phase",
                )
        return data
