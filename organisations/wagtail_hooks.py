"""The organisation directory in the admin."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from organisations.models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ("name", "code", "organisation_type", "nation", "region", "is_current")
    list_filter = ("organisation_type", "nation", "is_current")
    search_fields = ("name", "official_name", "code")


register_snippet(OrganisationViewSet)
