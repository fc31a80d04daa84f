"""Admin: a report of what people search for, most frequent and found-nothing queries."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.search_promotions.models import Query

from search.models import ZeroResultQuery

REPORT_DAYS = 30
REPORT_ROWS = 50
PERMISSION = "wagtailsearchpromotions.add_searchpromotion"


def search_terms_report(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    since = timezone.now().date() - datetime.timedelta(days=REPORT_DAYS)
    popular = (
        Query.objects.filter(daily_hits__date__gte=since)
        .annotate(recent_hits=Sum("daily_hits__hits"))
        .order_by("-recent_hits", "query_string")[:REPORT_ROWS]
    )
    zero = ZeroResultQuery.objects.order_by("-hits", "-last_seen")[:REPORT_ROWS]
    return render(
        request,
        "search/admin/search_terms.html",
        {"popular": popular, "zero": zero, "days": REPORT_DAYS},
    )


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_search_terms_url():
    return [path("reports/search-terms/", search_terms_report, name="search_terms_report")]


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(
        "Search terms", reverse("search_terms_report"), icon_name="search", order=900
    )
