"""The editors' report of content due for review (Reports › Content due for review)."""

from django.urls import path

from wagtail.admin.views.reports import PageReportView
from wagtail.permission_policies import ModelPermissionPolicy

from core import selectors
from core.models import BasePage
from core.models.base import REVIEW_INTERVAL_MONTHS

# BasePage's own permission "review_basepage" (core migration 0004), held by the Editors.
REVIEW_PERMISSION_POLICY = ModelPermissionPolicy(BasePage)


class ContentDueForReviewView(PageReportView):
    page_title = "Content due for review"
    header_icon = "time"
    results_template_name = "core/admin/content_due_for_review_results.html"
    index_url_name = "content_due_for_review"
    index_results_url_name = "content_due_for_review_results"
    permission_policy = REVIEW_PERMISSION_POLICY
    permission_required = "review"
    list_export = [
        "title",
        "content_type.model_class._meta.verbose_name.title",
        "last_reviewed",
        "date",
    ]
    export_headings = {
        "content_type.model_class._meta.verbose_name.title": "Type",
        "last_reviewed": "Last reviewed",
        "date": "Published",
    }

    def get_queryset(self):
        return selectors.content_due_for_review()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["review_interval_months"] = REVIEW_INTERVAL_MONTHS
        return context


def report_urls(view, route: str) -> list:
    """The admin URLs of a Wagtail ReportView at `route` ("reports/search-terms/"): its page,
    and the results alone, which its filters fetch as they change."""
    return [
        path(route, view.as_view(), name=view.index_url_name),
        path(f"{route}results/", view.as_view(results_only=True), name=view.index_results_url_name),
    ]
