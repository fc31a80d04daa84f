"""Admin registration for the controlled vocabularies and the admin's branding."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
