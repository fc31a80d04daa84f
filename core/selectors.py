"""Reads of content that are not listings: a page's relations, documents, review dates, tags.

Every listing of content pages (index, tag, service-area, organisation and home pages, their
downloads, the feeds and the API's filtered list) is read through core.listings instead.
"""

import functools
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce

from wagtail.documents import get_permission_policy as document_permission_policy
from wagtail.models import Page, ReferenceIndex

from core.models import BasePage, ContentTag, Principle, ServiceArea
from core.models.base import RelatedDocument, TaggedContent, review_due_cutoff
from core.models.routing import restricted_paths
from core.page_cache import cached_per_generation
from organisations.models import Organisation

LISTING_PAGE_SIZE = 20


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


def page_is_live_and_public(page_id: int) -> bool:
    """Whether anyone could open the page now: published (not merely scheduled for a future
    go-live), and neither it nor any page above it is restricted to signed-in users, a
    password or groups. Only such a page is announced anywhere (emails, digests, feeds)."""
    return Page.objects.filter(pk=page_id).live().public().exists()


def with_last_checked(queryset: QuerySet) -> QuerySet:
    """`last_checked`: when each page was last checked, its review or else its publication
    (BasePage.checked_on, as the search index stores it)."""
    if "last_checked" in queryset.query.annotations:
        return queryset
    return queryset.annotate(last_checked=Coalesce("last_reviewed", "date"))


def content_due_for_review(*, today=None) -> QuerySet:
    """Live content last checked (reviewed, or else published) more than
    REVIEW_INTERVAL_MONTHS ago, the longest unchecked first: the editors' review report."""
    return (
        with_last_checked(BasePage.objects.live())
        .filter(last_checked__lt=review_due_cutoff(today))
        .select_related("content_type")
        .order_by("last_checked", "pk")
    )


def tags_in_use(*, limit: int | None = None) -> QuerySet:
    queryset = (
        ContentTag.objects.filter(tagged_pages__content_object__live=True)
        .annotate(uses=Count("tagged_pages"))
        .order_by("-uses", "name")
    )
    return queryset[:limit] if limit else queryset


def service_areas_in_use() -> QuerySet:
    return ServiceArea.objects.annotate(uses=Count("pages")).order_by("name")


def child_page_by_slug(model: type[Page], parent: Page, slug: str) -> Page | None:
    """The `model` page at `slug` under `parent`, or None: what a detail page's URL names.

    `model.objects.child_of(parent).filter(slug=slug)` takes about 2.3 ms here, most of it
    Django building the SQL of a three-table join; the SQL runs in 0.2 ms. So the SQL is
    built once per parent and only the slug changes (a Django raw query, which still applies
    each field's conversions).
    """
    sql, built_params, slug_position = _child_by_slug_sql(
        model, parent.path, parent.depth, connection.vendor
    )
    params = list(built_params)
    params[slug_position] = slug
    return next(iter(model.objects.raw(sql, params)), None)


_SLUG_PLACEHOLDER = "\x00slug"  # never a real slug: route_child refuses unprintable ones


@functools.lru_cache(maxsize=64)
def _child_by_slug_sql(model: type[Page], parent_path: str, parent_depth: int, _vendor: str):
    parent = Page(path=parent_path, depth=parent_depth)
    query = model.objects.child_of(parent).filter(slug=_SLUG_PLACEHOLDER)[:1].query
    sql, params = query.get_compiler(connection.alias).as_sql()
    return sql, tuple(params), list(params).index(_SLUG_PLACEHOLDER)


def related_section_ids(page: BasePage) -> list[tuple[str, set[int]]]:
    """The ids of the pages linked in each of `page.related_sections`, in that order.

    Saved links come from the relations' link tables in one query. A preview holds its
    unsaved links in memory (modelcluster), so they are read from there. Whether each linked
    page is public is for the caller to decide (core.listings.related_cards reads only
    indexed pages).
    """
    sections = type(page).related_sections
    if not sections:
        return []
    linked = [getattr(page, name).all() for _heading, name in sections]
    if not all(isinstance(items, QuerySet) for items in linked):
        return [
            (heading, {item.pk for item in items})
            for (heading, _name), items in zip(sections, linked, strict=True)
        ]
    ids_by_position: list[set[int]] = [set() for _section in sections]
    sql = _linked_ids_sql(type(page), tuple(name for _heading, name in sections))
    with connection.cursor() as cursor:
        cursor.execute(sql, [page.pk] * len(sections))
        for linked_id, position in cursor.fetchall():
            ids_by_position[position].add(linked_id)
    return [(heading, ids) for (heading, _name), ids in zip(sections, ids_by_position, strict=True)]


@functools.cache
def _linked_ids_sql(model: type, names: tuple[str, ...]) -> str:
    """One UNION ALL over the link tables of `model`'s many-to-many relations `names`.

    Building the same query from the relations' querysets cost about 1.5 ms of ORM work per
    page view; the SQL itself takes a fraction of that. A reverse relation (a brief's case
    studies) reads the same link table from the other side.
    """
    quote = connection.ops.quote_name
    selects = []
    for position, name in enumerate(names):
        relation = model._meta.get_field(name)
        if relation.auto_created:  # the reverse side of another model's field
            field = relation.remote_field
            page_column, linked_column = field.m2m_reverse_name(), field.m2m_column_name()
        else:
            field = relation
            page_column, linked_column = field.m2m_column_name(), field.m2m_reverse_name()
        selects.append(
            f"SELECT {quote(linked_column)}, {position:d} FROM {quote(field.m2m_db_table())} "  # noqa: S608 - names from _meta
            f"WHERE {quote(page_column)} = %s"
        )
    return " UNION ALL ".join(selects)


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


# --- Documents ----------------------------------------------------------------------------


def pages_using_document(document) -> QuerySet:
    """Every page that uses `document`: attached to it (`RelatedDocument`, at once) or linked
    from its content (Wagtail's reference index, which a background task brings up to date)."""
    linked_from = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    linked_ids = [int(pk) for pk in linked_from.values_list("object_id", flat=True)]
    attached_ids = RelatedDocument.objects.filter(document=document).values("page_id")
    return Page.objects.filter(Q(pk__in=attached_ids) | Q(pk__in=linked_ids))


def document_opens_in_admin(*, document, user) -> bool:
    """Staff who may edit or choose the document in Wagtail's admin open it whatever its pages."""
    if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return False
    return document_permission_policy().user_has_any_permission_for_instance(
        user, ["change", "choose"], document
    )


def document_readable(*, document, request) -> bool | None:
    """Whether the reader of `request` may download `document`, as the pages using it allow.

    True when one live page using it is one they may read (no view restriction, or each of
    its restrictions passed: signed in, the page password entered in this session); False
    when pages use it but none is; None when no page uses it, so that the document's
    collection decides (an editor's upload linked from outside the site, say).
    """
    using = pages_using_document(document)
    if not using.exists():
        return None
    for page in using.live().iterator():
        if all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
            return True
    return False
