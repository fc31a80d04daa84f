"""Content listings (index, tag, service-area, organisation and home pages) read through search.

Every listing is a search without query text: `search.services.search_content` with filters
and a sort, answered from the project's search index, which holds exactly the live, public
pages. Cards come straight from the index rows and the filter counts from the facet counts,
so a listing costs a few small queries whatever its length, and listings, filters and the
search page always agree.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from types import SimpleNamespace

from django.core.paginator import Paginator

from core.content_types import content_models, type_slug
from core.models import BasePage
from core.models.base import LICENCE_URLS
from core.models.relations import vocabularies
from listings import exports
from listings.cards import ContentCard, card_from_hit
from search import services as search
from search.models import SearchDocument, SearchDocumentFacet

ORDER_CHOICES = [
    ("newest", "Newest first"),
    ("oldest", "Oldest first"),
    ("title", "Title A to Z"),
    ("most-reused", "Most reused"),
    ("recently-reviewed", "Recently reviewed"),
]
# By when things happen (What's on: events.selectors.WHATS_ON_ORDERS); not offered in the
# sort menu, since only events have a time.
START_ORDERS = ("starts-soonest", "starts-latest")
ORDERS = {value for value, _label in ORDER_CHOICES} | set(START_ORDERS)
# What a card needs from a search document.
CARD_COLUMNS = (
    "page_id",
    "title",
    "url",
    "content_type_label",
    "summary",
    "date",
    "reuse_count",
    "checked_on",
    "status_label",
    "organisations",
    "tags",
)
# Options shown at once per filter; the rest sit behind "More ..." up to MAX_FACET_OPTIONS.
VISIBLE_FACET_OPTIONS = 8
MAX_FACET_OPTIONS = 30


@dataclass
class Listing:
    results: search.SearchResults
    cards: list[ContentCard]
    order: str


def clean_order(value: str | None) -> str:
    value = (value or "").strip()[:20]
    return value if value in ORDERS else "newest"


def listing_filters(
    request_data, *, model=None, fixed: dict[str, tuple[str, ...]] | None = None
) -> search.SearchFilters:
    """A listing's filters: those in the URL, with `model`'s type and `fixed` pinned on top."""
    filters = search.SearchFilters.from_querydict(request_data)
    pinned = dict(fixed or {})
    if model is not None:
        pinned["type"] = (type_slug(model),)
    return replace(filters, **pinned)


def search_listing(
    request_data,
    *,
    model=None,
    fixed: dict[str, tuple[str, ...]] | None = None,
    page=None,
    page_size: int = search.DEFAULT_PAGE_SIZE,
) -> search.SearchResults:
    """The one read of every listing: its page, download, feed and the API's filtered list.

    A search without words over the index (which holds exactly the live, public pages), so
    whatever reads a listing sees the same pages in the same order under the same filters.
    """
    return search.search_content(
        query=None,
        filters=listing_filters(request_data, model=model, fixed=fixed),
        sort=clean_order(request_data.get("order")),
        page=request_data.get("page", 1) if page is None else page,
        page_size=page_size,
    )


def listing_page_ids(filters: search.SearchFilters):
    """The ids (a subquery) of every page a listing with `filters` holds, in no order: for
    the API's page listing, which keeps Wagtail's own ordering and fields over them."""
    return search.matching_page_ids(filters)


def read_listing(
    request_data,
    *,
    model=None,
    fixed: dict[str, tuple[str, ...]] | None = None,
    page_size: int = search.DEFAULT_PAGE_SIZE,
) -> Listing:
    """One page of a listing: filters and order from the URL, `fixed` filters on top.

    `model` limits the listing to one content type (an index page); `fixed` pins other facets
    (a tag page pins its tag), whatever the URL says.
    """
    results = search_listing(request_data, model=model, fixed=fixed, page_size=page_size)
    cards = [card_from_hit(hit) for hit in results.hits]
    return Listing(results=results, cards=cards, order=clean_order(request_data.get("order")))


def listing_hits(
    request_data, *, model=None, fixed=None, limit: int = exports.MAX_EXPORT_ROWS
) -> tuple[list[search.SearchHit], int]:
    """Every hit of a listing up to `limit`, page by page through the same search, and how
    many the listing has: what its downloads hold."""
    return hits_and_total(
        lambda number: search_listing(
            request_data, model=model, fixed=fixed, page=number, page_size=search.MAX_PAGE_SIZE
        ),
        limit=limit,
    )


def hits_and_total(run_page, *, limit: int) -> tuple[list[search.SearchHit], int]:
    """exports.collect_search_hits, with the search's total (more than `limit` when capped)."""
    totals = []

    def counted(number):
        results = run_page(number)
        totals.append(results.total)
        return results

    hits = exports.collect_search_hits(counted, limit=limit)
    return hits, (totals[0] if totals else len(hits))


def download_rows(hits) -> list[dict]:
    """The download rows (exports.CONTENT_COLUMNS) of search hits, from a listing or a search.

    What a hit does not carry comes in two queries for the whole download: service areas
    from the index's facet values, the licence from the pages; organisation codes from the
    cached vocabularies."""
    ids = [hit.page_id for hit in hits]
    details: dict[int, dict] = {page_id: {"service_areas": []} for page_id in ids}
    if not ids:
        return []
    for page_id, name in (
        SearchDocumentFacet.objects.filter(document_id__in=ids, value__facet="service_area")
        .order_by("value__label")
        .values_list("document_id", "value__label")
    ):
        details[page_id]["service_areas"].append(name)
    for page_id, licence in BasePage.objects.filter(pk__in=ids).values_list("pk", "licence"):
        details[page_id]["licence"] = licence
        details[page_id]["licence_url"] = LICENCE_URLS.get(licence, "")
    codes = {org.slug: org.code for org in vocabularies().organisations.values()}
    for hit in hits:
        details[hit.page_id]["organisation_codes"] = [
            codes.get(item.get("slug"), "") for item in hit.organisations
        ]
    return exports.content_rows(hits, details)


def counts_by_type(results: search.SearchResults) -> dict[type, int]:
    """Public pages per content model, from the type facet of a listing of everything."""
    models = {type_slug(model): model for model in content_models()}
    return {
        models[option.value]: option.count
        for facet in results.facets
        if facet.name == "type"
        for option in facet.options
        if option.value in models
    }


def most_reused_cards(*, model, limit: int) -> list[ContentCard]:
    return read_listing({"order": "most-reused"}, model=model, page_size=limit).cards


def published_counts_by_organisation() -> dict[str, int]:
    """Live, public pages per organisation slug (organisations with none are left out)."""
    results = read_listing({}, page_size=1).results
    return {
        option.value: option.count
        for facet in results.facets
        if facet.name == "organisation"
        for option in facet.options
        if option.count
    }


def related_cards(sections: list[tuple[str, set[int]]]) -> list[tuple[str, list[ContentCard]]]:
    """Cards for groups of linked pages, newest first, from the search index in one query.

    The index holds exactly the live, public pages, so drafts and private pages drop out;
    groups left empty are dropped.
    """
    all_ids = set().union(*(ids for _heading, ids in sections)) if sections else set()
    if not all_ids:
        return []
    rows = (
        SearchDocument.objects.filter(page_id__in=all_ids)
        .order_by("-date", "-page_id")
        .values(*CARD_COLUMNS)
    )
    cards = [(row["page_id"], card_from_hit(SimpleNamespace(**row))) for row in rows]
    grouped = [(heading, [card for pk, card in cards if pk in ids]) for heading, ids in sections]
    return [(heading, group) for heading, group in grouped if group]


class CurrentPage(Sequence):
    """The cards of the current page standing in for the whole result list, for Paginator."""

    def __init__(self, items: list, *, total: int, offset: int):
        self.items, self.total, self.offset = items, total, offset

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if isinstance(index, slice):  # Paginator asks for the current page's slice
            return self.items
        return self.items[index - self.offset]


def paginated(results: search.SearchResults, items: list):
    """A Django Page over the current page's `items` (cards, hits) of a search's results,
    with GOV.UK-style elided page numbers; only the current page was ever fetched."""
    window = min(results.total, search.MAX_RESULT_WINDOW)
    paginator = Paginator(
        CurrentPage(items, total=window, offset=results.offset), results.page_size
    )
    page = paginator.get_page(results.page)
    page.adjusted_elided_pages = paginator.get_elided_page_range(
        page.number, on_each_side=2, on_ends=1
    )
    return page


@dataclass
class FilterGroup:
    """One facet as the filter form shows it: a few options, then "More ..." for the rest."""

    param: str
    heading: str
    visible: list
    more: list
    selected_count: int
    not_shown: int  # options with results that the form leaves out (too many to list)


def filter_groups(results: search.SearchResults, *, exclude=()) -> list[FilterGroup]:
    groups = []
    for facet in results.facets:
        if facet.name in exclude or not facet.options:
            continue
        selected = [option for option in facet.options if option.selected]
        rest = [option for option in facet.options if not option.selected]
        shown_at_once = max(0, VISIBLE_FACET_OPTIONS - len(selected))
        more = rest[shown_at_once:MAX_FACET_OPTIONS]
        groups.append(
            FilterGroup(
                param=facet.param,
                heading=facet.heading,
                visible=selected + rest[:shown_at_once],
                more=more,
                selected_count=len(selected),
                not_shown=max(0, len(rest) - shown_at_once - len(more)),
            )
        )
    return groups
