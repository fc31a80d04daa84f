"""A member's update on a project: what happened, what is next, perhaps a new phase."""

import datetime

from django import forms
from django.utils import timezone

from community.govuk_forms import text_field
from projects.models import ProjectPhase, ProjectStatus

DATE_FORMATS = ["%d %m %Y", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"]


class ProjectUpdateForm(forms.Form):
    happened_on = forms.DateField(
        label="Date of the update",
        input_formats=DATE_FORMATS,
        help_text="For example, 27 3 2026",
        error_messages={
            "required": "Enter the date of the update",
            "invalid": "The date of the update must be a real date, like 27 3 2026",
        },
    )
    what_happened = text_field(
        "What happened",
        enter="Enter what happened",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    what_next = text_field(
        "What is next (optional)",
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    new_phase = forms.ChoiceField(
        label="New phase (optional)",
        required=False,
        choices=[("", "No change"), *ProjectPhase.choices],
        error_messages={"invalid_choice": "Select a phase from the list"},
    )
    new_status = forms.ChoiceField(
        label="New status (optional)",
        required=False,
        choices=[("", "No change"), *ProjectStatus.choices],
        error_messages={"invalid_choice": "Select a status from the list"},
    )

    def clean_happened_on(self):
        value = self.cleaned_data["happened_on"]
        today = timezone.localdate()
        if value > today:
            raise forms.ValidationError("The date of the update must be today or in the past")
        if value < today - datetime.timedelta(days=3650):
            raise forms.ValidationError("The date of the update must be in the last 10 years")
        return value
