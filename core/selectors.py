"""Reads of content shared by listings, tag pages, organisation pages and the home page.

Every listing of content pages is built here, so each one is live, public, and loaded with
the same fixed number of queries however long it is.
"""

import functools
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, IntegerField, Prefetch, Q, QuerySet, Value

from core.models import BasePage, ContentTag, Principle, ServiceArea
from core.models.base import RelatedDocument, TaggedContent
from core.models.routing import restricted_paths
from core.page_cache import cached_per_generation
from organisations.models import Organisation

LISTING_PAGE_SIZE = 20


@dataclass(frozen=True)
class ListingFilters:
    """Filters a listing accepts from the URL; unknown values simply match nothing."""

    tags: tuple[str, ...] = ()
    service_areas: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    nations: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)

    @property
    def active(self) -> bool:
        return any([self.tags, self.service_areas, self.organisations, self.nations, self.regions])


def exclude_restricted(queryset: QuerySet) -> QuerySet:
    """What Wagtail's `.public()` does, without its query for the restrictions each time."""
    paths = restricted_paths()
    if not paths:
        return queryset
    restricted = Q()
    for path in paths:
        restricted |= Q(path__startswith=path)
    return queryset.exclude(restricted)


def public_content_pages(model=BasePage) -> QuerySet:
    """Live pages of `model` that anyone may read: no drafts, no private pages or their children."""
    return exclude_restricted(model.objects.live())


def with_listing_relations(queryset: QuerySet) -> QuerySet:
    """What a listing card shows, in a fixed number of queries."""
    return queryset.only(
        "id",
        "title",
        "slug",
        "url_path",
        "path",
        "depth",
        "content_type_id",
        "summary",
        "date",
        "reuse_count",
        "live",
        "locale_id",
        "first_published_at",
    ).prefetch_related(
        Prefetch(
            "organisations",
            queryset=Organisation.objects.only("id", "name", "slug", "code", "is_current"),
        ),
        "tags",  # taggit refuses a custom Prefetch queryset here
    )


def filter_content(queryset: QuerySet, filters: ListingFilters) -> QuerySet:
    if filters.tags:
        queryset = queryset.filter(tagged_items__tag__slug__in=filters.tags)
    if filters.service_areas:
        queryset = queryset.filter(service_areas__slug__in=filters.service_areas)
    if filters.organisations:
        queryset = queryset.filter(organisations__slug__in=filters.organisations)
    if filters.nations:
        queryset = queryset.filter(organisations__nation__in=filters.nations)
    if filters.regions:
        queryset = queryset.filter(organisations__region__in=filters.regions)
    if filters.active:
        queryset = queryset.distinct()
    return queryset


def content_listing(
    *, model=BasePage, filters: ListingFilters | None = None, order: str = "newest"
) -> QuerySet:
    queryset = filter_content(public_content_pages(model), filters or ListingFilters())
    ordering = {
        "newest": ("-date", "-id"),
        "oldest": ("date", "id"),
        "title": ("title", "id"),
        "most-reused": ("-reuse_count", "-date", "-id"),
    }.get(order, ("-date", "-id"))
    return with_listing_relations(queryset.order_by(*ordering))


def content_for_organisation(organisation: Organisation) -> QuerySet:
    return content_listing(filters=ListingFilters(organisations=(organisation.slug,)))


def content_for_tag(tag: ContentTag) -> QuerySet:
    return content_listing(filters=ListingFilters(tags=(tag.slug,)))


def content_for_service_area(service_area: ServiceArea) -> QuerySet:
    return content_listing(filters=ListingFilters(service_areas=(service_area.slug,)))


def tags_in_use(*, limit: int | None = None) -> QuerySet:
    queryset = (
        ContentTag.objects.filter(tagged_pages__content_object__live=True)
        .annotate(uses=Count("tagged_pages"))
        .order_by("-uses", "name")
    )
    return queryset[:limit] if limit else queryset


def service_areas_in_use() -> QuerySet:
    return ServiceArea.objects.annotate(uses=Count("pages")).order_by("name")


def related_section_ids(sections: list[tuple[str, QuerySet]]) -> list[tuple[str, set[int]]]:
    """The ids of several groups of linked pages, in one query.

    `sections` pairs a heading with a queryset of BasePage subclasses (or, in a preview, an
    in-memory list of unsaved links); the result keeps the order. Whether each page is public
    is for the caller to decide (core.listings.related_cards reads only indexed pages).
    """
    if not sections:
        return []
    ids_by_heading = {heading: set() for heading, _queryset in sections}
    if all(isinstance(queryset, QuerySet) for _heading, queryset in sections):
        # One UNION ALL of the link tables, each row tagged with its section's position.
        tagged = [
            queryset.order_by()
            .annotate(section=Value(position, output_field=IntegerField()))
            .values_list("pk", "section")
            for position, (_heading, queryset) in enumerate(sections)
        ]
        rows = tagged[0].union(*tagged[1:], all=True) if len(tagged) > 1 else tagged[0]
        headings = [heading for heading, _queryset in sections]
        for pk, position in rows:
            ids_by_heading[headings[position]].add(pk)
    else:
        # A preview's unsaved links are in-memory stand-ins for querysets.
        for heading, linked in sections:
            ids_by_heading[heading] = {page.pk for page in linked}
    return list(ids_by_heading.items())


# --- What a content page shows about its relations ------------------------------------------


@dataclass(frozen=True)
class Vocabularies:
    """Tags, service areas, principles and organisations by id: small tables that change
    only in the admin, each change starting a new page-cache generation."""

    tags: dict
    service_areas: dict
    principles: dict
    organisations: dict


def vocabularies() -> Vocabularies:
    return cached_per_generation(
        "vocabularies",
        lambda: Vocabularies(
            tags={tag.pk: tag for tag in ContentTag.objects.all()},
            service_areas={area.pk: area for area in ServiceArea.objects.all()},
            principles={principle.pk: principle for principle in Principle.objects.all()},
            organisations={org.pk: org for org in Organisation.objects.all()},
        ),
    )


@functools.cache
def _relation_ids_sql() -> str:
    """One UNION ALL over the four link tables and the documents, names from the models."""
    selects = [
        (
            "tag",
            TaggedContent._meta.db_table,
            TaggedContent._meta.get_field("tag").column,
            TaggedContent._meta.get_field("content_object").column,
            TaggedContent._meta.pk.column,
        ),
        (
            "document",
            RelatedDocument._meta.db_table,
            RelatedDocument._meta.pk.column,
            RelatedDocument._meta.get_field("page").column,
            RelatedDocument._meta.pk.column,
        ),
    ]
    for name in ("service_areas", "principles", "organisations"):
        relation = BasePage._meta.get_field(name)
        selects.append(
            (
                name,
                relation.m2m_db_table(),
                relation.m2m_reverse_name(),
                relation.m2m_column_name(),
                relation.remote_field.through._meta.pk.column,
            )
        )
    # The link row's id orders tags as the editor entered them.
    return " UNION ALL ".join(
        f"SELECT '{kind}', {target}, {link} FROM {table} WHERE {page} = %s"  # noqa: S608 - names from _meta
        for kind, table, target, page, link in selects
    )


def load_page_relations(page: BasePage) -> None:
    """Fill the page's organisation, tag, service-area, principle and document lists.

    Five prefetch queries cost more in the ORM than in the database, so the link rows come
    in one query and the vocabularies from memory; documents, when there are any, take one
    more. Lists are in the same orders as the relations' own `.all()`.
    """
    sql = _relation_ids_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, [page.pk] * sql.count("%s"))
        rows = cursor.fetchall()
    ids: dict[str, list[int]] = {}
    for kind, target_id, _link_id in sorted(rows, key=lambda row: row[2]):
        ids.setdefault(kind, []).append(target_id)
    known = vocabularies()

    def pick(kind, table, sort_key):
        found = [table[pk] for pk in ids.get(kind, ()) if pk in table]
        if len(found) < len(ids.get(kind, ())):  # added since the vocabulary was read
            return None
        return sorted(found, key=sort_key) if sort_key else found

    lists = {
        "tag_list": pick("tag", known.tags, None),
        "service_area_list": pick("service_areas", known.service_areas, lambda a: a.name),
        "principle_list": pick("principles", known.principles, lambda p: p.number),
        "organisation_list": pick("organisations", known.organisations, lambda o: o.name),
    }
    for name, value in lists.items():
        if value is not None:  # otherwise the page's own property queries as usual
            page.__dict__[name] = value
    page.__dict__["document_list"] = (
        list(RelatedDocument.objects.filter(page=page).select_related("document"))
        if ids.get("document")
        else []
    )
