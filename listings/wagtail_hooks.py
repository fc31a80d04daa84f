"""The listings layer provides what the page models below it show (core.page_views)."""

from wagtail import hooks

from core import page_views
from listings import organisation_views, views
from listings import selectors as listing_selectors

hooks.register(page_views.LISTING_CONTEXT, views.listing_context)
hooks.register(page_views.LISTING_DOWNLOAD, views.listing_export)
hooks.register(page_views.RELATED_CARDS, listing_selectors.related_cards)
hooks.register(page_views.ORGANISATION_DIRECTORY, organisation_views.organisation_directory)
hooks.register(page_views.ORGANISATION_DETAIL, organisation_views.organisation_detail)
