"""Listing cards, the organisation directory's rows and filter checkboxes: rendered many times
a page, so by Jinja2 fragments (listings/fragments.py)."""

from django import template

from listings.fragments import render_fragment

register = template.Library()


@register.simple_tag
def content_cards(cards, heading_level=2):
    """Listing cards (listings.cards.ContentCard), rendered by the Jinja2 fragment."""
    return render_fragment("content_cards.html", cards=cards, heading_level=int(heading_level))


@register.simple_tag
def organisation_rows(organisations):
    """The organisation directory's table rows, rendered by the Jinja2 fragment."""
    return render_fragment("organisation_rows.html", organisations=organisations)


@register.simple_tag
def filter_checkboxes(groups):
    """A listing's filter checkboxes (listings.selectors.FilterGroup), rendered by the Jinja2 fragment."""
    return render_fragment("filter_groups.html", groups=groups)
