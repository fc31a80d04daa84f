"""The Collaboration Unit's report: signatories a year on with no project started."""

from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from projects import selectors

# Those who review signatures (Moderators, Editors) follow up the commitments in them.
PERMISSION = "community.change_signature"


class SignedWithoutProjectView(ReportView):
    page_title = "Signatories with no project started"
    header_icon = "warning"
    index_url_name = "signed_without_project"
    index_results_url_name = "signed_without_project_results"
    columns = [
        Column("organisation", label="Organisation", accessor=lambda row: row.organisation.name),
        DateColumn("signed_at", label="Signed"),
        Column("lead_name", label="Digital lead"),
        Column("lead_email", label="Email"),
    ]
    list_export = ["organisation.name", "signed_at", "lead_name", "lead_email"]
    export_headings = {
        "organisation.name": "Organisation",
        "signed_at": "Signed",
        "lead_name": "Digital lead",
        "lead_email": "Email",
    }

    def get_queryset(self):
        return selectors.signatories_without_project()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)
