"""Admin registration for the controlled vocabularies and the admin's branding, the report of
content due for review, and the check every document download goes through."""

from django.http import Http404
from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core import selectors
from core.models import ContentTag, LocalService, Principle, ServiceArea
from core.reports import REVIEW_PERMISSION_POLICY, ContentDueForReviewView, report_urls


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


class ContentDueForReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return REVIEW_PERMISSION_POLICY.user_has_permission(request.user, "review")


@hooks.register("register_admin_urls")
def register_content_due_for_review_urls():
    return report_urls(ContentDueForReviewView, "reports/content-due-for-review/")


@hooks.register("register_reports_menu_item")
def register_content_due_for_review_menu_item():
    return ContentDueForReviewMenuItem(
        "Content due for review", reverse("content_due_for_review"), icon_name="time", order=800
    )
