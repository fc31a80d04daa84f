"""One way to word GOV.UK form errors: fields built from their label, and one mixin that
gives every allauth form our labels and messages and takes its placeholders away."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.module_loading import import_string

import pytest

from community.govuk_forms import (
    EMAIL_INVALID,
    GovukAllauthFormMixin,
    choice_messages,
    filter_checkboxes,
    organisation_field,
    text_field,
)


def test_text_field_words_its_messages_from_its_label():
    field = text_field("Job title (optional)", required=False, max_length=150)
    assert field.error_messages["max_length"] == "Job title must be 150 characters or fewer"
    assert field.clean("") == ""
    with pytest.raises(Exception, match="Job title must be 150 characters or fewer"):
        field.clean("x" * 151)


def test_required_text_field_must_say_what_to_enter():
    with pytest.raises(ValueError, match="Say what to enter"):
        text_field("Title", max_length=10)
    field = text_field("Title", enter="Enter a title", max_length=1500)
    assert field.error_messages["required"] == "Enter a title"
    assert field.error_messages["max_length"] == "Title must be 1,500 characters or fewer"


def test_choice_and_organisation_messages():
    assert choice_messages("Select a budget") == {
        "required": "Select a budget",
        "invalid_choice": "Select a budget",
    }
    field = organisation_field()
    assert field.error_messages["required"] == "Select your organisation"
    assert field.error_messages["invalid_choice"] == "Select your organisation from the list"


@pytest.mark.django_db
@pytest.mark.parametrize("form_name", sorted(settings.ACCOUNT_FORMS))
def test_every_allauth_form_uses_the_one_mixin_and_has_no_placeholders(rf, form_name):
    form_class = import_string(settings.ACCOUNT_FORMS[form_name])
    assert issubclass(form_class, GovukAllauthFormMixin)
    kwargs = {}
    if form_name in {"change_password", "set_password", "add_email", "reauthenticate"}:
        kwargs["user"] = get_user_model()(email="member@localdigital.invalid")
    if form_name == "login":
        kwargs["request"] = rf.get("/")
    form = form_class(**kwargs)
    for name, field in form.fields.items():
        assert "placeholder" not in field.widget.attrs, f"{form_name}.{name}"
    for field in form.fields.values():
        if field.error_messages.get("invalid", "").startswith("Enter an email address"):
            assert field.error_messages["invalid"] == EMAIL_INVALID


@pytest.mark.django_db
def test_allauth_forms_keep_their_words():
    """The mixin sets what each form's __init__ used to: the same labels and messages."""
    code_form = import_string(settings.ACCOUNT_FORMS["request_login_code"])()
    assert code_form.fields["email"].label == "Email address"
    assert code_form.fields["email"].error_messages["required"] == "Enter your email address"
    add_email = import_string(settings.ACCOUNT_FORMS["add_email"])(
        user=get_user_model()(email="member@localdigital.invalid")
    )
    assert add_email.fields["email"].error_messages["required"] == "Enter an email address"
    assert not add_email.is_bound


def test_filter_checkboxes_are_never_required():
    field = filter_checkboxes("Budget", choices=[("small", "Small")])
    assert field.required is False
    assert field.clean([]) == []
    assert field.widget.input_type == "checkbox"
