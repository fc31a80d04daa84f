"""The admin's one "Search terms" report: what readers search for, and what found nothing.

Built on Wagtail's own search-terms report (its date filter, sorting, search box and CSV/XLSX
export), with two changes: staff who look after promoted results may read it, not only
superusers, and each term says how often it found nothing, so one list gives both the
popular terms and the gaps to fill.
"""

from django.db.models import IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.views.reports import (
    SearchTermsReportFilterSet as WagtailSearchTermsFilterSet,
)
from wagtail.contrib.search_promotions.views.reports import (
    SearchTermsReportView as WagtailSearchTermsReportView,
)

from django_filters import BooleanFilter

from search.models import ZeroResultQuery

# Managing promoted results (search migration 0007: Editors and Moderators): read what
# people miss, then promote the page they meant.
PERMISSION = "wagtailsearchpromotions.add_searchpromotion"


def zero_result_queries():
    return ZeroResultQuery.objects.filter(query_string=OuterRef("query_string"))


class SearchTermsFilterSet(WagtailSearchTermsFilterSet):
    found_nothing = BooleanFilter(
        label="Found nothing",
        field_name="found_nothing_hits",
        method="filter_found_nothing",
    )

    def filter_found_nothing(self, queryset, name, value):
        if value is None:
            return queryset
        return (
            queryset.filter(found_nothing_hits__gt=0)
            if value
            else queryset.filter(found_nothing_hits=0)
        )


class SearchTermsReportView(WagtailSearchTermsReportView):
    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"
    results_template_name = "search/admin/search_terms_results.html"
    filterset_class = SearchTermsFilterSet
    columns = [
        Column("query_string", label="Search term", sort_key="query_string"),
        NumberColumn("_hits", label="Searches", sort_key="_hits"),
        NumberColumn(
            "found_nothing_hits", label="Searches that found nothing", sort_key="found_nothing_hits"
        ),
        DateColumn("found_nothing_last", label="Last found nothing", sort_key="found_nothing_last"),
    ]
    list_export = ["query_string", "_hits", "found_nothing_hits", "found_nothing_last"]
    export_headings = {
        "query_string": "Search term",
        "_hits": "Searches",
        "found_nothing_hits": "Searches that found nothing",
        "found_nothing_last": "Last found nothing",
    }

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                found_nothing_hits=Coalesce(
                    Subquery(zero_result_queries().values("hits")[:1]),
                    Value(0),
                    output_field=IntegerField(),
                ),
                found_nothing_last=Subquery(zero_result_queries().values("last_seen")[:1]),
            )
        )

    def dispatch(self, request, *args, **kwargs):
        # Wagtail's own view admits superusers only; skip its check for ours.
        if not request.user.has_perm(PERMISSION):
            return permission_denied(request)
        return ReportView.dispatch(self, request, *args, **kwargs)
