"""Values read from a request's query string, bounded and cleaned so bad input costs nothing."""

import re

from django.core.paginator import Paginator

from core import selectors

MAX_FILTER_VALUES = 20
MAX_PARAM_LENGTH = 120


# NUL and other control characters: PostgreSQL rejects NUL in text, and none belongs in a filter.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def clean_text(value: str) -> str:
    """A query-string or URL value made safe for any database: no control characters, bounded."""
    return CONTROL_CHARACTERS.sub("", value).strip()[:MAX_PARAM_LENGTH]


def clean_values(request, name: str) -> tuple[str, ...]:
    """Repeated query parameters, bounded in number and length so bad input costs nothing."""
    values = [clean_text(value) for value in request.GET.getlist(name)]
    return tuple(dict.fromkeys(value for value in values if value))[:MAX_FILTER_VALUES]


def paginate(request, queryset, per_page: int = selectors.LISTING_PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
    page_number = request.GET.get("page", "1")[:12]
    page = paginator.get_page(page_number)
    page.adjusted_elided_pages = paginator.get_elided_page_range(
        page.number, on_each_side=2, on_ends=1
    )
    return page
