"""The round page's context hook, and the staff's list of applications with their screens."""

from django.urls import include, path, reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from funding import admin_views, selectors
from funding.models import ROUND_CONTEXT, FundingApplication

hooks.register(ROUND_CONTEXT, selectors.round_context)


class ReviewColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">Assess and decide</a>',
            reverse("funding_admin:review", args=[instance.pk]),
        )


class FundingApplicationViewSet(SnippetViewSet):
    model = FundingApplication
    icon = "tasks"
    menu_label = "Funding applications"
    menu_order = 270
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = (
        Column("reference", label="Reference"),
        "project_title",
        "lead_organisation",
        "round",
        "status",
        "submitted_at",
        ReviewColumn("review", label="Assessment"),
    )
    list_filter = ("round", "status")

    def get_queryset(self, request):
        return FundingApplication.objects.select_related("round", "lead_organisation").exclude(
            status="draft"
        )


register_snippet(FundingApplicationViewSet)


@hooks.register("register_admin_urls")
def funding_admin_urls():
    urls = [
        path("<int:pk>/", admin_views.review, name="review"),
        path("<int:pk>/assess/", admin_views.assess, name="assess"),
    ]
    return [path("funding/applications/", include((urls, "funding_admin")))]
