"""Admin registration for the controlled vocabularies and the admin's branding, and the
check every document download goes through."""

from django.http import Http404

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core import selectors
from core.models import ContentTag, LocalService, Principle, ServiceArea


class ServiceAreaViewSet(SnippetViewSet):
    model = ServiceArea
    icon = "folder-open-inverse"
    list_display = ("name", "slug")
    search_fields = ("name",)


class PrincipleViewSet(SnippetViewSet):
    model = Principle
    icon = "pick"
    list_display = ("number", "title")


class LocalServiceViewSet(SnippetViewSet):
    model = LocalService
    icon = "list-ul"
    list_display = ("code", "description", "providing_tier")
    search_fields = ("description",)


class ContentTagViewSet(SnippetViewSet):
    model = ContentTag
    icon = "tag"
    list_display = ("name", "slug")
    search_fields = ("name",)


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Taxonomies"
    menu_icon = "folder-inverse"
    menu_order = 300
    items = (ServiceAreaViewSet, PrincipleViewSet, LocalServiceViewSet, ContentTagViewSet)


register_snippet(TaxonomyGroup)


# Before Wagtail's own check of collection restrictions (order 0), so that a document of an
# unpublished or restricted page is simply not found, as the page itself is not: its id is
# sequential and its URL easy to guess. WAGTAILDOCS_SERVE_METHOD = "serve_view" sends every
# download through here; MEDIA_URL never serves documents/ (localdigital/urls.py).
@hooks.register("before_serve_document", order=-10)
def serve_documents_as_privately_as_their_pages(document, request):
    if selectors.document_opens_in_admin(document=document, user=request.user):
        return None
    if selectors.document_readable(document=document, request=request) is False:
        raise Http404("No document here")
    return None
