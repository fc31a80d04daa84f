"""Admin: the one "Search terms" report (search/reports.py) in Reports, for whoever looks
after promoted results."""

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.reports import report_urls
from search.reports import PERMISSION, SearchTermsReportView


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_search_terms_urls():
    return report_urls(SearchTermsReportView, "reports/search-terms/")


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(
        "Search terms", reverse("search_terms_report"), icon_name="search", order=900
    )


@hooks.register("construct_reports_menu")
def hide_wagtails_own_search_terms_report(request, menu_items):
    # wagtail.contrib.search_promotions adds a superuser-only report of the same name; ours
    # extends it, so showing both would offer two reports that disagree on who may read them.
    wagtails = reverse("wagtailsearchpromotions:search_terms")
    menu_items[:] = [item for item in menu_items if item.url != wagtails]
