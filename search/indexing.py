"""Build and keep the search index: full bulk rebuilds and in-step updates for changed pages.

Every write goes through `index_pages` (which reads pages in bulk, per type) and
`remove_documents`; the signal handlers in search/signals.py decide which pages to sync.
Membership is always decided by Wagtail's own `live().public()`, so privacy rules live in
one place.
"""

import logging
from collections.abc import Iterable
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils import timezone

from wagtail.models import Page, Site
from wagtail.search import index as wagtail_index

from core import boilerplate
from core.content_types import content_models, type_slug
from core.models import BasePage, ServiceArea
from core.models.base import needs_review, review_due_cutoff
from core.page_cache import invalidate_page_cache
from organisations.models import Organisation, organisation_listed_names
from search import engine_sync, schema, text
from search.backends import get_backend
from search.models import SearchDocument, SearchDocumentFacet, SearchFacetValue, bump_generation

logger = logging.getLogger(__name__)

# The one value of the "review" facet: the listing filter "Needs review".
REVIEW_DUE_FACET = ("review", "due", "Needs review")
CHUNK_SIZE = 1000
SQL_CHUNK = 500
# Fields indexed by name, not through search_fields.
DIRECT_FIELDS = {"title", "summary", "body"}


# --- which models and fields -------------------------------------------------------------


@cache
def extra_text_fields(model) -> tuple[str, ...]:
    """The model's own searchable text fields (problem, approach...), from its search_fields."""
    names = []
    for field in model.search_fields:
        if isinstance(field, wagtail_index.SearchField) and field.field_name not in DIRECT_FIELDS:
            try:
                model._meta.get_field(field.field_name)
            except Exception:  # noqa: BLE001, S112 - a method, not a column: not indexed here
                continue
            names.append(field.field_name)
    return tuple(dict.fromkeys(names))


# --- building documents ------------------------------------------------------------------


# Notices repeated on many pages (the demo disclaimer), as the body's text holds them.
BOILERPLATE_TEXTS = frozenset(text.html_to_text(notice) for notice in boilerplate.NOTICES_HTML)


def field_text(value) -> str:
    if value is None:
        return ""
    raw = getattr(value, "raw_data", None)
    if raw is not None:  # a StreamValue: read the stored JSON, never build blocks
        # Only the page's own words: a notice on every page would match every search for
        # its words ("figures", "organisations") and be quoted as the snippet.
        parts = text.stream_text(list(raw))
        return " ".join(part for part in parts if part not in BOILERPLATE_TEXTS)
    if isinstance(value, str):
        return text.html_to_text(value) if "<" in value or "&" in value else value
    return str(value)


def page_url(url_path: str, root_paths) -> str | None:
    """The URL Page.get_url() would give without a request, from root paths read once."""
    for root in root_paths:
        if url_path.startswith(root.root_path):
            path = url_path[len(root.root_path) - 1 :]
            return path if len({r.site_id for r in root_paths}) == 1 else root.root_url + path
    return None


def build_document(
    page, root_paths, listed_names: dict[str, str] | None = None
) -> tuple[SearchDocument, list[tuple[str, str, str]]] | None:
    url = page_url(page.url_path, root_paths)
    if listed_names is None:
        listed_names = organisation_listed_names()
    if url is None:  # not under any site: nobody can reach it, so search must not offer it
        return None
    model = type(page)
    organisations = list(page.organisations.all())
    tags = list(page.tags.all())
    service_areas = list(page.service_areas.all())
    body_parts = [field_text(page.body)]
    body_parts.extend(field_text(getattr(page, name, None)) for name in extra_text_fields(model))
    meta = " ".join(
        [tag.name for tag in tags]
        + [org.name for org in organisations]
        + [org.official_name for org in organisations if org.official_name]
        + [area.name for area in service_areas]
    )
    document = SearchDocument(
        page_id=page.pk,
        content_type=type_slug(model),
        content_type_label=model.content_type_label,
        title=text.clean_indexed_text(page.title, 1000),
        summary=text.clean_indexed_text(page.summary, 5000),
        body=text.clean_indexed_text(" ".join(p for p in body_parts if p), text.MAX_INDEXED_BODY),
        meta=text.clean_indexed_text(meta, 20000),
        url=url[:1000],
        date=page.date,
        year=page.date.year if page.date else None,
        reuse_count=page.reuse_count,
        checked_on=page.checked_on,
        starts_at=page.listing_starts_at,
        status_label=page.listing_status[:60],
        # Cards and hits show the stored name: the unambiguous one where two share a name.
        organisations=[
            {"name": listed_names.get(org.slug, org.name), "slug": org.slug}
            for org in organisations
        ],
        tags=[{"name": tag.name, "slug": tag.slug} for tag in tags],
    )
    facets = [("type", type_slug(model), model.content_type_label)]
    facets += [("service_area", area.slug, area.name) for area in service_areas]
    facets += [("tag", tag.slug, tag.name) for tag in tags]
    for org in organisations:
        facets.append(("organisation", org.slug, listed_names.get(org.slug, org.name)))
    for org in page.listing_place_organisations(organisations):
        if org.nation:
            facets.append(("nation", org.nation, org.nation))
        if org.region:
            facets.append(("region", org.region, org.region))
    if page.date:
        facets.append(("year", str(page.date.year), str(page.date.year)))
    facets += page.listing_facets()
    # Decided when the page is indexed; manage.py flag_content_due_for_review re-indexes the
    # pages that have fallen due since, once a day.
    if needs_review(page.checked_on):
        facets.append(REVIEW_DUE_FACET)
    return document, list(dict.fromkeys((f, v[:255], label[:255]) for f, v, label in facets))


def public_pages_of(model):
    """Live, public pages of exactly this type (not its subclasses), with what a document needs."""
    content_type = ContentType.objects.get_for_model(model)
    return (
        model.objects.live()
        .public()
        .filter(content_type=content_type)
        .prefetch_related(
            "tags",  # taggit refuses a custom Prefetch queryset here
            Prefetch("service_areas", queryset=ServiceArea.objects.only("id", "name", "slug")),
            Prefetch(
                "organisations",
                queryset=Organisation.objects.only(
                    "id", "name", "slug", "official_name", "nation", "region"
                ),
            ),
        )
        .order_by("pk")
    )


def iter_documents(queryset, root_paths):
    listed_names = organisation_listed_names()  # once, rather than once a page
    last_pk = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last_pk)[:CHUNK_SIZE])
        if not chunk:
            return
        for page in chunk:
            built = build_document(page, root_paths, listed_names)
            if built is not None:
                yield built
        last_pk = chunk[-1].pk


# --- writing -----------------------------------------------------------------------------


def lookup_facet_values(keys) -> dict[tuple[str, str], tuple[int, str]]:
    known = {}
    for facet in {facet for facet, _ in keys}:
        values = [value for f, value in keys if f == facet]
        for start in range(0, len(values), SQL_CHUNK):
            for value_id, value, label in SearchFacetValue.objects.filter(
                facet=facet, value__in=values[start : start + SQL_CHUNK]
            ).values_list("id", "value", "label"):
                known[(facet, value)] = (value_id, label)
    return known


def facet_value_ids(triples: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], int]:
    """Ids for (facet, value) pairs, creating missing ones and refreshing changed labels."""
    wanted = {(facet, value): label for facet, value, label in triples}
    known = lookup_facet_values(list(wanted))
    missing = [key for key in wanted if key not in known]
    if missing:
        SearchFacetValue.objects.bulk_create(
            [SearchFacetValue(facet=f, value=v, label=wanted[(f, v)]) for f, v in missing],
            batch_size=SQL_CHUNK,
            ignore_conflicts=True,
        )
        known.update(lookup_facet_values(missing))
    for key, label in wanted.items():
        if known[key][1] != label:
            SearchFacetValue.objects.filter(pk=known[key][0]).update(label=label)
    return {key: value[0] for key, value in known.items()}


def write_documents(built: list) -> int:
    if not built:
        return 0
    ids = facet_value_ids(triple for _doc, facets in built for triple in facets)
    SearchDocument.objects.bulk_create([doc for doc, _ in built], batch_size=SQL_CHUNK)
    SearchDocumentFacet.objects.bulk_create(
        [
            SearchDocumentFacet(document_id=doc.page_id, value_id=ids[(facet, value)])
            for doc, facets in built
            for facet, value, _label in facets
        ],
        batch_size=2000,
    )
    return len(built)


def delete_rows(page_ids: list[int]) -> None:
    """Raw deletes, chunked: no objects loaded, and SQLite's triggers keep FTS5 in step."""
    with connection.cursor() as cursor:
        for start in range(0, len(page_ids), SQL_CHUNK):
            chunk = page_ids[start : start + SQL_CHUNK]
            placeholders = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"DELETE FROM search_searchdocumentfacet WHERE page_id IN ({placeholders})",  # noqa: S608
                chunk,
            )
            cursor.execute(
                f"DELETE FROM search_searchdocument WHERE page_id IN ({placeholders})",  # noqa: S608
                chunk,
            )


def remove_documents(page_ids: Iterable[int]) -> None:
    ids = sorted({int(pk) for pk in page_ids})
    if not ids:
        return
    with transaction.atomic():
        delete_rows(ids)
        bump_generation()
    after_write(ids)


def index_pages(page_ids: Iterable[int]) -> int:
    """(Re)index these pages if they are live and public; remove any that no longer are."""
    ids = sorted({int(pk) for pk in page_ids})
    if not ids:
        return 0
    root_paths = Site.get_site_root_paths()
    written = 0
    with transaction.atomic():
        delete_rows(ids)
        for model in content_models():
            for start in range(0, len(ids), SQL_CHUNK):
                queryset = public_pages_of(model).filter(pk__in=ids[start : start + SQL_CHUNK])
                written += write_documents(list(iter_documents(queryset, root_paths)))
        bump_generation()
    after_write(ids)
    return written


def index_subtree(page: Page) -> int:
    """Re-evaluate a page and everything under it (a move, a privacy change, a new slug)."""
    ids = list(BasePage.objects.filter(path__startswith=page.path).values_list("pk", flat=True))
    if page.specific_class and issubclass(page.specific_class, BasePage):
        ids.append(page.pk)
    return index_pages(ids)


def pages_referring_to(*, field: str, obj) -> list[int]:
    return list(BasePage.objects.filter(**{field: obj}).values_list("pk", flat=True))


def after_write(page_ids: list[int]) -> None:
    """Tell the search engine (SEARCH_URL), or keep the pages for later if it is down."""
    engine_sync.send_or_keep(page_ids)


def rebuild_index(*, stdout=None) -> int:
    """Rebuild the whole index from the database, in bulk; returns the number of documents.

    SQLite: the FTS5 triggers are dropped while rows go in and FTS5 is rebuilt once at the
    end, which is several times faster than indexing row by row.
    """
    root_paths = Site.get_site_root_paths()
    total = 0
    with transaction.atomic():
        is_sqlite = connection.vendor == "sqlite"
        with connection.cursor() as cursor:
            if is_sqlite:
                for name in schema.SQLITE_TRIGGER_NAMES:
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute("DELETE FROM search_searchdocumentfacet")
            cursor.execute("DELETE FROM search_searchdocument")
        for model in content_models():
            batch = []
            for built in iter_documents(public_pages_of(model), root_paths):
                batch.append(built)
                if len(batch) >= CHUNK_SIZE:
                    total += write_documents(batch)
                    batch = []
            total += write_documents(batch)
            if stdout is not None:
                stdout.write(f"{model._meta.label}: {total} documents so far\n")
        with connection.cursor() as cursor:
            if is_sqlite:
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
                cursor.execute("INSERT INTO search_title_fts(search_title_fts) VALUES ('rebuild')")
                for statement in schema.SQLITE_TRIGGERS:
                    cursor.execute(statement)
            # Facet values nobody uses any more (a deleted tag) would only clutter the filters.
            cursor.execute(
                "DELETE FROM search_searchfacetvalue WHERE id NOT IN "
                "(SELECT DISTINCT value_id FROM search_searchdocumentfacet)"
            )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE search_searchdocument")
                cursor.execute("ANALYZE search_searchdocumentfacet")
                # A bulk load leaves most new GIN entries in each index's pending list, which
                # every search then reads through until autovacuum merges it: at 10,000 pages
                # a rare word took 7 ms in head_vector's index instead of 0.2 ms. Merge now
                # (0.1 s at 10,000 pages); a manual ANALYZE does not.
                for index in schema.POSTGRES_GIN_INDEXES:
                    cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        bump_generation()
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Replacing every row leaves as many dead ones, which every search then reads past
        # until autovacuum runs: at 100,000 pages the common word took 490 ms in the raw
        # query right after a rebuild and 225 ms in the service after a VACUUM. VACUUM
        # cannot run inside a transaction, so a rebuild inside one (tests) leaves it to
        # autovacuum.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) search_searchdocument, search_searchdocumentfacet")
    started = timezone.now()
    get_backend().rebuild(stdout=stdout)
    engine_sync.forget_covered_by_rebuild(started)
    return total


def review_flags_refresh(*, today=None) -> int:
    """Re-index the pages whose "Needs review" filter value is out of date: those that fell
    due since they were indexed (time passed; nothing was published). Returns how many."""
    cutoff = review_due_cutoff(today)
    facet, value, _label = REVIEW_DUE_FACET
    flagged = set(
        SearchDocumentFacet.objects.filter(value__facet=facet, value__value=value).values_list(
            "document_id", flat=True
        )
    )
    due = set(
        SearchDocument.objects.filter(checked_on__lt=cutoff).values_list("page_id", flat=True)
    )
    stale = due ^ flagged
    if stale:
        index_pages(stale)
        # The pages themselves say "Needs review" too, and the page cache holds them.
        invalidate_page_cache()
    return len(stale)
