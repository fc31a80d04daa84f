"""Jinja2 fragments: the parts of a page rendered many times over (listing cards, filter options).

Django's template engine costs about half a millisecond per listing card here, so twenty
cards and a filter form with a hundred options were most of a listing page's time. The same
markup as Jinja2 templates (localdigital/jinja2/fragments/) renders in a fraction of that.
Pages stay Django templates; they call these fragments through template tags in core_tags.
Jinja2 escapes every value (autoescape is on by default in Django's Jinja2 backend).
"""

from django.template import engines
from django.utils.safestring import SafeString, mark_safe

from jinja2 import Environment

from organisations.models import organisations_index_url


def long_date(value) -> str:
    """The date as "7 March 2026", like Django's date:"j F Y"."""
    return f"{value.day} {value:%B %Y}" if value else ""


def plural(count: int, suffix: str = "s") -> str:
    return "" if count == 1 else suffix


def environment(**options) -> Environment:
    env = Environment(**options)  # noqa: S701 - Django's backend passes autoescape=True
    env.filters["long_date"] = long_date
    env.filters["plural"] = plural
    env.globals["organisations_index_url"] = organisations_index_url
    return env


def render_fragment(name: str, **context) -> SafeString:
    html = engines["fragments"].get_template(f"fragments/{name}").render(context)
    return mark_safe(html)  # noqa: S308 - rendered by Jinja2 with autoescape on
