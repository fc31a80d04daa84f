"""GOV.UK form wording shared by every feature: fields that carry their error messages.

Each message is worked out once from the field's label ("Full name" -> "Enter your full
name" is given, "Full name must be 150 characters or fewer" is derived), so a form states
only the words that differ, and the allauth forms get theirs from one mixin.
"""

from typing import ClassVar

from django import forms

from organisations.models import Organisation

EMAIL_INVALID = "Enter an email address in the correct format, like name@example.gov.uk"


def organisation_choices():
    return Organisation.objects.filter(is_current=True).order_by("name")


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


def label_name(label: str) -> str:
    """ "Total cost (optional)" -> "Total cost": what the field is called in a sentence."""
    return label.removesuffix(" (optional)")


def label_subject(label: str) -> str:
    """ "Total cost (optional)" -> "the total cost", for error messages."""
    name = label_name(label)
    return "the " + name[0].lower() + name[1:]


def required(message: str) -> dict:
    return {"required": message}


def text_messages(
    label: str,
    *,
    enter: str | None = None,
    max_length: int | None = None,
    too_long: str | None = None,
) -> dict:
    """GOV.UK's "Enter ..." when empty and "<Label> must be 1,500 characters or fewer" when
    too long; `enter` and `too_long` replace the wording where the label alone reads badly."""
    messages = {}
    if enter:
        messages["required"] = enter
    if max_length is not None:
        messages["max_length"] = too_long or (
            f"{label_name(label)} must be {max_length:,} characters or fewer"
        )
    return messages


def text_field(
    label: str,
    *,
    enter: str | None = None,
    max_length: int | None = None,
    too_long: str | None = None,
    required: bool = True,
    **kwargs,
) -> forms.CharField:
    """A text field with its GOV.UK messages; a required one must say what to enter."""
    if required and not enter:
        raise ValueError(f"Say what to enter in {label!r}: GOV.UK errors say what to do")
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        error_messages=text_messages(
            label, enter=enter if required else None, max_length=max_length, too_long=too_long
        ),
        **kwargs,
    )


def choice_messages(select: str, *, invalid: str | None = None) -> dict:
    """A choice's GOV.UK messages: "Select ..." when nothing is chosen, and (unless `invalid`
    says otherwise) the same words for a value that is not one of the choices."""
    return {"required": select, "invalid_choice": invalid or select}


def email_messages(enter: str) -> dict:
    """An email field's two GOV.UK messages: what to enter, and the format it must be in."""
    return {"required": enter, "invalid": EMAIL_INVALID}


def organisation_field(
    label: str = "Organisation",
    *,
    select: str = "Select your organisation",
    invalid: str | None = None,
    **kwargs,
) -> OrganisationChoiceField:
    """Choose an organisation ("Select your organisation", "... from the list"). Its queryset
    is set by the form's __init__ (organisation_choices), so importing a form never queries
    the database."""
    return OrganisationChoiceField(
        label=label,
        queryset=Organisation.objects.none(),
        empty_label="Select your organisation",
        error_messages=choice_messages(select, invalid=invalid or f"{select} from the list"),
        **kwargs,
    )


def filter_checkboxes(label: str, *, choices=()) -> forms.MultipleChoiceField:
    """A listing's filter: GOV.UK checkboxes, none of them required (choices may be filled
    in by the form's __init__ from the database)."""
    return forms.MultipleChoiceField(
        label=label, required=False, choices=choices, widget=forms.CheckboxSelectMultiple
    )


def set_messages(form, messages: dict) -> None:
    for name, errors in messages.items():
        if name in form.fields:
            form.fields[name].error_messages.update(errors)


class GovukAllauthFormMixin:
    """allauth's account forms in GOV.UK wording, declared once per form as class attributes:
    our labels, our error messages, no placeholders (GOV.UK labels say what to enter, and a
    placeholder vanishes as you type), and help texts allauth fills with a bare link removed.
    """

    govuk_labels: ClassVar[dict[str, str]] = {}
    govuk_messages: ClassVar[dict[str, dict[str, str]]] = {}
    govuk_no_help_text: ClassVar[tuple[str, ...]] = ()
    # allauth says "You must type the same password each time."; GOV.UK says what to do.
    govuk_mismatch_message: ClassVar[str | None] = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in self.govuk_labels.items():
            if name in self.fields:
                self.fields[name].label = label
        set_messages(self, self.govuk_messages)
        for name in self.govuk_no_help_text:
            if name in self.fields:
                self.fields[name].help_text = ""
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)

    def clean(self):
        cleaned = super().clean()
        errors = self.errors.get("password2")
        if (
            self.govuk_mismatch_message
            and errors
            and any("same password" in str(error) for error in errors)
        ):
            self.errors["password2"] = self.error_class([self.govuk_mismatch_message])
        return cleaned
