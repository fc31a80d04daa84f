"""Engagement's forms: record reuse, comment, report a comment, follow."""

from django import forms

from community.govuk_forms import required, text_field
from community.models import DigestFrequency, FollowKind
from community.text import plain_text


class ReuseForm(forms.Form):
    note = text_field(
        "How you reused it (optional)",
        required=False,
        max_length=500,
        too_long="Your note must be 500 characters or fewer",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CommentForm(forms.Form):
    body = text_field(
        "Share your experience",
        enter="Enter your comment",
        max_length=3000,
        too_long="Your comment must be 3,000 characters or fewer",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="A moderator reads every comment before it appears.",
    )

    def clean_body(self):
        body = plain_text(self.cleaned_data["body"])
        if not body:
            raise forms.ValidationError("Enter your comment")
        return body


class ReportForm(forms.Form):
    reason = text_field(
        "Why should a moderator look at this comment?",
        enter="Enter why you are reporting this comment",
        max_length=500,
        too_long="Your reason must be 500 characters or fewer",
        widget=forms.Textarea(attrs={"rows": 3}),
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
