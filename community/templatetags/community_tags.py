"""GOV.UK form markup for Django forms, and the community panel on content pages."""

from django import forms, template

from community.auth import member_profile
from community.engagement import selectors as engagement_selectors
from community.engagement.forms import CommentForm, ReuseForm
from community.feeds import feed_urls, follow_target

register = template.Library()


def field_kind(field) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    return "input"


@register.inclusion_tag("community/includes/govuk_field.html")
def govuk_field(field, label_class="govuk-label", autocomplete="", input_class=""):
    value = field.value()
    if isinstance(value, list | tuple):
        selected = {str(item) for item in value}
    else:
        selected = {str(value)} if value not in (None, "") else set()
    return {
        "field": field,
        "kind": field_kind(field),
        "input_type": getattr(field.field.widget, "input_type", "text"),
        "selected": selected,
        "label_class": label_class,
        "autocomplete": autocomplete,
        "input_class": input_class or field.field.widget.attrs.get("class", ""),
        "inputmode": field.field.widget.attrs.get("inputmode", ""),
        "error": field.errors[0] if field.errors else "",
    }


@register.inclusion_tag("community/includes/error_summary.html")
def govuk_error_summary(form):
    items = []
    for name, errors in form.errors.items():
        if name == "__all__":
            items.extend(("", error) for error in errors)
        else:
            items.append((form[name].auto_id if name in form.fields else "", errors[0]))
    return {"items": items}


@register.inclusion_tag("community/includes/community_panel.html", takes_context=True)
def community_panel(context, page=None):
    """Reuse, comments and following for one content page, as the visitor may see them."""
    page = page or context.get("page")
    request = context.get("request")
    user = getattr(request, "user", None)
    profile = member_profile(user)
    # A page nobody has recorded reusing (most of them) needs no query.
    reuse = (
        engagement_selectors.reuse_for_page(page)
        if page.pk in engagement_selectors.pages_with_reuse_records()
        else engagement_selectors.NO_REUSE
    )
    organisation_id = profile.organisation_id if profile else None
    return {
        "request": request,
        "page": page,
        "user": user,
        "profile": profile,
        "reuse": reuse,
        # Asked directly, not looked for in `reuse`: the member's own record decides the
        # button whatever the public list shows (its own organisation's is not counted there).
        "my_reuse_record": engagement_selectors.organisation_reuse_record(
            page=page, organisation_id=organisation_id
        )
        if profile and profile.is_verified
        else None,
        "comments": list(engagement_selectors.approved_comments(page))
        if page.pk in engagement_selectors.pages_with_approved_comments()
        else [],
        "reuse_form": ReuseForm(),
        "comment_form": CommentForm(),
        "content_type_value": page.specific_class._meta.model_name if page.specific_class else "",
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("community/includes/follow_panel.html", takes_context=True)
def follow_panel(context, kind: str, value: str):
    """Follow this tag, service area, organisation, type or everything, and its feeds.

    A plain link to the follow form (no JavaScript needed): members choose how often, then
    come back here; visitors get a sign-in link that returns them here.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    target = follow_target(kind, value)
    if target is None:
        return {"target": None}
    return {
        "target": target,
        "kind": kind,
        "value": value,
        "feeds": feed_urls(target),
        "user": user,
        "profile": member_profile(user),
        "following": engagement_selectors.member_follow(user, kind=kind, value=value),
        "here": request.get_full_path() if request else "",
    }


@register.inclusion_tag("community/includes/feed_alternates.html")
def feed_alternates(kind: str, value: str):
    """<link rel="alternate"> to the same feeds as follow_panel, so feed readers find them."""
    target = follow_target(kind, value)
    return {"target": target, "feeds": feed_urls(target) if target else {}}
