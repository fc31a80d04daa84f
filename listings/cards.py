"""What a listing card shows, built from a search index row.

Listings and related-content sections read their cards from the search index (one row per
live, public page, organisations and tags already stored as JSON), which is far cheaper than
building page objects and prefetching their relations.
"""

from dataclasses import dataclass
from functools import cache

from django.urls import reverse
from django.utils.text import Truncator

from core.models.base import needs_review
from organisations.models import organisation_url

SUMMARY_CHARACTERS = 240


@dataclass(frozen=True)
class CardLink:
    name: str
    url: str


@dataclass(frozen=True)
class ContentCard:
    title: str
    url: str
    type_label: str
    summary: str
    date: object
    reuse_count: int
    organisations: tuple[CardLink, ...]
    tags: tuple[CardLink, ...]
    checked_on: object = None  # reviewed, or else published
    status_label: str = ""  # a pattern's maturity

    @property
    def needs_review(self) -> bool:
        return needs_review(self.checked_on)


@cache
def _tag_url_prefix() -> str:
    # Slugs are URL-safe, so the rest of the URL is the slug and a slash.
    return reverse("tag_detail", kwargs={"slug": "slug"}).removesuffix("slug/")


def tag_url(slug: str) -> str:
    return f"{_tag_url_prefix()}{slug}/"


def short_summary(summary: str) -> str:
    if len(summary) <= SUMMARY_CHARACTERS:
        return summary
    return Truncator(summary).chars(SUMMARY_CHARACTERS)


def card_from_hit(hit) -> ContentCard:
    """A card from a search.services.SearchHit (or a backend HitRow): no query needed."""
    return ContentCard(
        title=hit.title,
        url=hit.url,
        type_label=hit.content_type_label,
        summary=short_summary(hit.summary),
        date=hit.date,
        reuse_count=hit.reuse_count,
        organisations=tuple(
            CardLink(org["name"], organisation_url(org["slug"])) for org in hit.organisations
        ),
        tags=tuple(CardLink(tag["name"], tag_url(tag["slug"])) for tag in hit.tags),
        checked_on=hit.checked_on,
        status_label=hit.status_label,
    )
