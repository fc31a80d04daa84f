"""Collaboration's forms: an opportunity, its filters and expressing interest."""

import datetime

from django import forms
from django.utils import timezone

from community.govuk_forms import choice_messages, filter_checkboxes, text_field
from community.models import BudgetBand, Seeking
from core.models import PHASES, ServiceArea


class OpportunityForm(forms.Form):
    title = text_field("Title", enter="Enter a title", max_length=160)
    description = text_field(
        "What do you want to work on together?",
        enter="Enter what you want to work on together",
        max_length=3000,
        too_long="The description must be 3,000 characters or fewer",
        widget=forms.Textarea(attrs={"rows": 6}),
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
        error_messages=choice_messages("Select the phase the work is in"),
    )
    seeking = forms.MultipleChoiceField(
        label="What are you looking for?",
        choices=Seeking.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=choice_messages("Select what you are looking for"),
    )
    budget_band = forms.ChoiceField(
        label="Budget",
        choices=BudgetBand.choices,
        widget=forms.RadioSelect,
        error_messages=choice_messages("Select a budget"),
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
    service_area = filter_checkboxes("Service area")
    phase = filter_checkboxes("Phase", choices=PHASES)
    seeking = filter_checkboxes("Looking for", choices=Seeking.choices)
    budget_band = filter_checkboxes("Budget", choices=BudgetBand.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].choices = list(ServiceArea.objects.values_list("slug", "name"))


class InterestForm(forms.Form):
    message = text_field(
        "Message to the organisation (optional)",
        required=False,
        max_length=1500,
        too_long="Your message must be 1,500 characters or fewer",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
