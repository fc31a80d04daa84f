"""The one search service: query, filters, sort and page in; hits, total, facets, suggestions out.

Every search in the site goes through `search_content` (the search page, listings, the API)
or `suggest_titles` (autocomplete). Input is cleaned and bounded in search.text before any
engine sees it; engines only ever see live, public pages because only those are indexed.

When the search engine (Elasticsearch, SEARCH_URL) cannot answer, a search with words raises
SearchEngineUnavailable for the view to say so (503); a listing (no words) is read from the
database's own index instead, which holds the same pages, so every listing page still works.
"""

import logging
import math
from dataclasses import dataclass, field, replace
from operator import itemgetter

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import QueryDict

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from core.models.base import needs_review
from search import text
from search.backends import (
    EngineQuery,
    SearchEngineUnavailable,
    get_backend,
    get_database_backend,
)
from search.backends.base import MAX_RESULT_WINDOW, SORTS
from search.models import SearchDocument, SearchDocumentFacet, ZeroResultQuery, index_generation

logger = logging.getLogger(__name__)

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 50
MAX_FILTER_VALUES = 20
MAX_FILTER_VALUE_LENGTH = 120
FEW_RESULTS = 3
SUGGEST_LIMIT = 8
BROWSE_FACETS_SECONDS = 300
MAX_RECORDED_QUERY_LENGTH = 120
SORT_CHOICES = [
    ("relevance", "Relevance"),
    ("newest", "Newest"),
    ("most-reused", "Most reused"),
    ("recently-reviewed", "Recently reviewed"),
]
ALLOWED_SORTS = {"relevance", *SORTS}

# URL parameter, facet name, heading: the order facets are shown in.
FACETS = [
    ("type", "type", "Type"),
    ("service_area", "service_area", "Service area"),
    ("tag", "tag", "Tag"),
    ("organisation", "organisation", "Organisation"),
    ("nation", "nation", "Nation"),
    ("region", "region", "Region"),
    ("year", "year", "Year"),
    ("maturity", "maturity", "Maturity"),  # service patterns only
    ("phase", "phase", "Phase"),  # Declaration projects only, as are the next three
    ("status", "status", "Status"),
    ("principle", "principle", "Declaration principle"),
    ("funded", "funded", "Funding"),
    ("review", "review", "Review"),  # one value: "Needs review" (search.indexing)
    # Events only (events.models.EventPage.listing_facets), for What's on.
    ("event_type", "event_type", "Event or training"),
    ("attendance", "attendance", "Online or in person"),
    ("audience", "audience", "Audience"),
    ("event_region", "event_region", "Event region"),
    ("when", "when", "Upcoming or past"),
]
FACET_HEADINGS = {name: heading for _param, name, heading in FACETS}


@dataclass(frozen=True)
class SearchFilters:
    """Facet values chosen in the URL: OR within a facet, AND across facets."""

    type: tuple[str, ...] = ()
    service_area: tuple[str, ...] = ()
    tag: tuple[str, ...] = ()
    organisation: tuple[str, ...] = ()
    nation: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    maturity: tuple[str, ...] = ()
    phase: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    principle: tuple[str, ...] = ()
    funded: tuple[str, ...] = ()
    review: tuple[str, ...] = ()
    event_type: tuple[str, ...] = ()
    attendance: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    event_region: tuple[str, ...] = ()
    when: tuple[str, ...] = ()

    @classmethod
    def from_querydict(cls, data: QueryDict | dict) -> "SearchFilters":
        values = {}
        for param, name, _heading in FACETS:
            raw = data.getlist(param) if hasattr(data, "getlist") else data.get(param, [])
            if isinstance(raw, str):
                raw = [raw]
            cleaned = []
            for value in list(raw)[: MAX_FILTER_VALUES * 2]:
                value = text.strip_control_characters(str(value)).strip()[:MAX_FILTER_VALUE_LENGTH]
                if value and value not in cleaned:
                    cleaned.append(value)
            values[name] = tuple(cleaned[:MAX_FILTER_VALUES])
        return cls(**values)

    def groups(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((name, getattr(self, name)) for _p, name, _h in FACETS if getattr(self, name))

    @property
    def active(self) -> bool:
        return bool(self.groups())

    def selected(self, facet: str) -> tuple[str, ...]:
        return getattr(self, facet, ())


@dataclass(slots=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    heading: str
    options: list[FacetOption]

    @property
    def param(self) -> str:
        return self.name


@dataclass
class SearchHit:
    page_id: int
    title: str
    url: str
    content_type: str
    content_type_label: str
    date: object
    organisations: list
    tags: list
    summary: str
    snippet_html: str  # escaped text with <mark> around matched words; safe to render
    title_html: str
    reuse_count: int = 0
    checked_on: object = None
    status_label: str = ""

    @property
    def needs_review(self) -> bool:
        return needs_review(self.checked_on)


@dataclass
class SearchResults:
    query: str
    filters: SearchFilters
    sort: str
    page: int
    page_size: int
    total: int
    hits: list[SearchHit]
    facets: list[Facet]
    suggestions: list[str] = field(default_factory=list)
    match_mode: str = "all"  # "any" when no page had every word and we widened the search
    messages: list[str] = field(default_factory=list)
    backend: str = ""

    @property
    def num_pages(self) -> int:
        window = min(self.total, MAX_RESULT_WINDOW)
        return max(1, math.ceil(window / self.page_size))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


def clean_sort(sort: str | None, *, has_query: bool) -> str:
    sort = (sort or "").strip()[:20]
    if sort not in ALLOWED_SORTS:
        sort = "relevance"
    return sort if has_query or sort != "relevance" else "newest"


def clean_page(page) -> int:
    try:
        number = int(str(page).strip()[:12])
    except (TypeError, ValueError):
        return 1
    return max(1, number)


def _casefolded_label(row) -> str:
    return row[2].casefold()


def build_facets(counts, filters: SearchFilters) -> list[Facet]:
    """Facets in FACETS order; options by count, then label (years newest first).

    Runs on every search over every counted value (about 500 at 10,000 pages), so options are
    sorted as rows with C-level keys (two stable passes) before any FacetOption is made.
    """
    rows_by_facet: dict[str, list] = {name: [] for _p, name, _h in FACETS}
    for row in counts:
        rows = rows_by_facet.get(row[0])
        if rows is not None:
            rows.append(row)
    facets = []
    for _param, name, heading in FACETS:
        rows = rows_by_facet[name]
        chosen = filters.selected(name)
        if chosen:
            present = {row[1] for row in rows}
            # A chosen value with no matches stays visible (and checked) so it can be removed.
            rows += [(name, value, value, 0) for value in chosen if value not in present]
        if name == "year":
            rows.sort(key=itemgetter(1), reverse=True)
        else:
            rows.sort(key=_casefolded_label)
            rows.sort(key=itemgetter(3), reverse=True)  # stable: label order within a count
        selected = set(chosen)
        options = [
            FacetOption(value, label, count, value in selected)
            for _facet, value, label, count in rows
        ]
        facets.append(Facet(name, heading, options))
    return facets


def to_hit(row) -> SearchHit:
    if text.MARK_START in row.summary_marked:
        snippet = text.mark_to_html(row.summary_marked)
    elif row.body_snippet and text.MARK_START in row.body_snippet:
        snippet = text.mark_to_html(row.body_snippet)
    else:
        snippet = text.mark_to_html(row.summary)
    title_html = text.mark_to_html(row.title_marked or row.title)
    return SearchHit(
        page_id=row.page_id,
        title=row.title,
        url=row.url,
        content_type=row.content_type,
        content_type_label=row.content_type_label,
        date=row.date,
        organisations=row.organisations,
        tags=row.tags,
        summary=row.summary,
        snippet_html=snippet,
        title_html=title_html,
        reuse_count=row.reuse_count,
        checked_on=row.checked_on,
        status_label=row.status_label,
    )


def facet_counts(backend, engine_query: EngineQuery):
    """Facet counts; without query text they change only when the index does, so cache them."""
    if engine_query.has_text:
        return backend.facet_counts(engine_query)

    key = f"search:browse:{backend.name}:{index_generation()}:{hash(engine_query.filters)}"
    cached = cache.get(key)
    if cached is None or cached[0] != engine_query.filters:
        cached = (engine_query.filters, backend.facet_counts(engine_query))
        cache.set(key, cached, BROWSE_FACETS_SECONDS)
    return cached[1]


def search_content(
    *,
    query: str | None,
    filters: SearchFilters | None = None,
    sort: str | None = "relevance",
    page: int | str | None = 1,
    page_size: int = DEFAULT_PAGE_SIZE,
) -> SearchResults:
    filters = filters or SearchFilters()
    parsed = text.parse_query(query)
    sort = clean_sort(sort, has_query=not parsed.is_empty)
    page_size = max(1, min(int(page_size), MAX_PAGE_SIZE))
    page_number = clean_page(page)
    engine_query = EngineQuery(terms=parsed.terms, filters=filters.groups())
    backend = get_backend()
    try:
        return run_search(backend, parsed, engine_query, filters, sort, page_number, page_size)
    except SearchEngineUnavailable as error:
        if engine_query.has_text:
            raise
        # A listing needs no text search: the database's index is the engine's source and
        # holds the same pages, so the listing is read from it (as without SEARCH_URL).
        logger.warning("search engine unavailable, listing from the database index: %s", error)
        backend = get_database_backend()
        return run_search(backend, parsed, engine_query, filters, sort, page_number, page_size)


def run_search(
    backend, parsed, engine_query, filters, sort, page_number, page_size
) -> SearchResults:
    messages = []
    if parsed.truncated:
        messages.append(
            f"Your search was too long, so only the first {text.MAX_QUERY_LENGTH} characters were used."
        )
    cached_counts = None if engine_query.has_text else facet_counts(backend, engine_query)
    found = backend.search(
        engine_query, sort=sort, page=page_number, page_size=page_size, counts=cached_counts
    )
    match_mode = "all"
    if found.total == 0 and len(parsed.terms) > 1:
        # No page has every word: widen to pages with any of them, best matches first.
        engine_query = replace(engine_query, any_term=True)
        found = backend.search(engine_query, sort=sort, page=page_number, page_size=page_size)
        match_mode = "any"
    total = found.total
    results = SearchResults(
        query=parsed.text,
        filters=filters,
        sort=sort,
        page=found.page,
        page_size=page_size,
        total=total,
        hits=[to_hit(row) for row in found.rows],
        facets=build_facets(found.counts, filters),
        match_mode=match_mode,
        messages=messages,
        backend=backend.name,
    )
    # Widened to any word, the total counts pages with only some of them: a misspelt word
    # ("bulkey wast") still deserves a correction however many pages had the others.
    if (total < FEW_RESULTS or match_mode == "any") and parsed.words:
        results.suggestions = spelling_suggestions(backend, parsed, filters)
    return results


def spelling_suggestions(backend, parsed: text.ParsedQuery, filters: SearchFilters) -> list[str]:
    """A corrected query from the words of titles, tags and names, offered if it finds more."""
    words = parsed.words
    corrected = backend.correct_words(words)
    if corrected == words:
        return []
    candidate = " ".join(corrected)
    terms = text.parse_query(candidate).terms
    if not terms:
        return []
    total, _counts = backend.facet_counts(EngineQuery(terms=terms, any_term=len(terms) > 1))
    return [candidate] if total else []


def matching_page_ids(filters: SearchFilters):
    """The ids of every indexed page matching `filters` (no words), as a subquery.

    The same match as a listing's (OR within a facet, AND across facets), over the
    database's index, which the engine mirrors; for a caller that keeps its own order and
    fields over the matched pages (the API's page listing)."""
    queryset = SearchDocument.objects.all()
    for facet, values in filters.groups():
        queryset = queryset.filter(
            page_id__in=SearchDocumentFacet.objects.filter(
                value__facet=facet, value__value__in=values
            ).values("document_id")
        )
    return queryset.values("page_id")


def search_document_titles(queryset, query: str | None):
    """The documents in `queryset` whose title has every word of `query` (the API's
    `/documents/?search=`). Words are cleaned as for any search, so no input can reach an
    engine as syntax: Wagtail's own SQLite backend answered `"` with a 500. Documents are
    not in the page index and number in hundreds, so a title filter is enough and answers
    the same on every database. A query with no words leaves the listing as it is, as an
    empty search of pages browses them all."""
    parsed = text.parse_query(query)
    for word in dict.fromkeys(parsed.words):
        queryset = queryset.filter(title__icontains=word)
    return queryset


def suggest_titles(prefix: str | None, *, limit: int = SUGGEST_LIMIT) -> list[dict]:
    """Titles for autocomplete: every word must match, the last one as a prefix.

    Raises SearchEngineUnavailable when the engine cannot answer."""
    parsed = text.parse_query((prefix or "").replace('"', " "))
    words = [word for term in parsed.terms for word in term.words]
    if not words or len("".join(words)) < 2:
        return []
    return get_backend().suggest_titles(words[: text.MAX_TERMS], limit=max(1, min(limit, 20)))


def promoted_pages(query: str | None) -> list[dict]:
    """Editors' picks for this query (live, public pages or external links), in their order."""
    cleaned, _ = text.clean_query(query)
    if not cleaned:
        return []
    from wagtail.search.utils import normalise_query_string

    normalised = normalise_query_string(cleaned)[:255]
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalised)
        .select_related("page")
        .order_by("sort_order")[:5]
    )
    public_ids = None
    results = []
    for promotion in promotions:
        if promotion.page_id:
            if public_ids is None:
                page_ids = [p.page_id for p in promotions if p.page_id]
                public_ids = set(
                    Page.objects.live()
                    .public()
                    .filter(pk__in=page_ids)
                    .values_list("pk", flat=True)
                )
            if promotion.page_id not in public_ids:
                continue
            results.append(
                {
                    "title": promotion.page.title,
                    "url": promotion.page.get_url(),
                    "description": promotion.description,
                }
            )
        elif promotion.external_link_url:
            results.append(
                {
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "url": promotion.external_link_url,
                    "description": promotion.description,
                }
            )
    return results


def record_search(query: str | None, *, total: int) -> None:
    """Count the query for editors (Wagtail's Query hits), and separately if it found nothing.

    Bounded: long queries are not recorded, so a bot cannot fill the tables with junk.
    """
    from wagtail.search.utils import normalise_query_string

    cleaned, truncated = text.clean_query(query)
    if not cleaned or truncated or len(cleaned) > MAX_RECORDED_QUERY_LENGTH:
        return
    normalised = normalise_query_string(cleaned)[:255]
    if not normalised:
        return
    try:
        with transaction.atomic():
            Query.get(normalised).add_hit()
            if total == 0:
                updated = ZeroResultQuery.objects.filter(query_string=normalised).update(
                    hits=F("hits") + 1
                )
                if not updated:
                    ZeroResultQuery.objects.create(query_string=normalised, hits=1)
    except IntegrityError:  # two requests raced to create the same row: one count is lost
        logger.info("search query not recorded (race)")
