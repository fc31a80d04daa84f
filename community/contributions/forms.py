"""The contribution form: one form for every content type, its fields from the type's registry."""

import re
from decimal import Decimal

from django import forms

from community.govuk_forms import label_subject, required, text_field
from community.text import plain_text
from community.uploads import validate_document_upload
from core.models import ServiceArea

MAX_TAGS = 10


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


class ContributionForm(forms.Form):
    title = text_field("Title", enter="Enter a title", max_length=255)
    summary = text_field(
        "Summary",
        enter="Enter a summary",
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One or two sentences shown in listings and search results.",
    )
    body = text_field(
        "Anything else readers should know (optional)",
        required=False,
        max_length=20000,
        too_long="This must be 20,000 characters or fewer",
        widget=forms.Textarea(attrs={"rows": 8}),
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
            self.fields[field_name] = text_field(
                label,
                enter=f"Enter {label[0].lower()}{label[1:]}",
                max_length=10000,
                widget=forms.Textarea(attrs={"rows": 6}),
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
