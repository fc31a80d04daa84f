"""What some page models show is read by the listings layer, which sits above them.

An index page lists its children, a content page shows related work as cards, the
organisations page is the directory: all of that reads the search index through
`listings`, and `listings` imports the page models, so the models cannot import it. The
listings app registers its functions as Wagtail hooks (listings/wagtail_hooks.py) under the
names below, and the models ask for them here by name: Wagtail's own extension mechanism,
with the dependency pointing downward.
"""

from django.core.exceptions import ImproperlyConfigured

from wagtail import hooks

LISTING_CONTEXT = "listing_page_context"
LISTING_DOWNLOAD = "listing_page_download"
RELATED_CARDS = "content_page_related_cards"
ORGANISATION_DIRECTORY = "organisation_directory_view"
ORGANISATION_DETAIL = "organisation_detail_view"


def provided(name: str):
    """The function registered under `name`; the last registered wins, so a project can
    replace one by registering its own after the listings app."""
    functions = hooks.get_hooks(name)
    if not functions:
        raise ImproperlyConfigured(f"No installed app registers the {name!r} hook: add 'listings'")
    return functions[-1]
