"""Core models: the shared base page, taxonomies and plain pages."""

from .base import LICENCES, PHASES, BasePage, RelatedDocument, StandardPage, TaggedContent
from .generation import PublicContentGeneration
from .listing import ListingPageMixin
from .taxonomies import ContentTag, LocalService, Principle, ServiceArea

__all__ = [
    "LICENCES",
    "PHASES",
    "BasePage",
    "ContentTag",
    "ListingPageMixin",
    "LocalService",
    "Principle",
    "PublicContentGeneration",
    "RelatedDocument",
    "ServiceArea",
    "StandardPage",
    "TaggedContent",
]
