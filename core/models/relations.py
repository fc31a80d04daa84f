"""A routed content page's relations (organisations, tags, service areas, principles,
documents) loaded at once, with the small vocabularies they point at read from memory."""

import functools
from dataclasses import dataclass

from django.db import connection

from core.page_cache import cached_per_generation

from .base import BasePage, RelatedDocument, TaggedContent
from .taxonomies import ContentTag, Principle, ServiceArea


def organisation_model():
    """The model a page's `organisations` relation points at (organisations.Organisation),
    from the relation itself: the organisations app sits above core."""
    return BasePage._meta.get_field("organisations").related_model


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
            organisations={org.pk: org for org in organisation_model().objects.all()},
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
