"""Staff screens: moderating project updates, and the report of signatories with no
project started; and what the project page shows."""

from django.urls import reverse
from django.utils.text import Truncator

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from community.models import ModerationStatus
from community.moderation import MODERATION_QUEUES_HOOK
from core.reports import report_urls
from projects import services, views
from projects.models import PROJECT_CONTEXT, ProjectUpdate
from projects.reports import PERMISSION, SignedWithoutProjectView


class ProjectUpdateEditView(EditView):
    """Approving (or rejecting) an update runs the service: the page's phase or status
    changes, followers hear of it, the page shows it."""

    def save_instance(self):
        previous = (
            ProjectUpdate.objects.filter(pk=self.object.pk).values_list("status", flat=True).first()
        )
        instance = super().save_instance()
        services.update_moderated(update=instance, previous_status=previous)
        return instance


class ProjectUpdateViewSet(SnippetViewSet):
    model = ProjectUpdate
    icon = "doc-full"
    menu_label = "Project updates"
    menu_order = 255
    add_to_admin_menu = True
    edit_view_class = ProjectUpdateEditView
    # A moderator decides from the text: what happened comes first.
    list_display = (
        TitleColumn(
            "what_happened",
            label="Update",
            accessor=lambda update: Truncator(update.what_happened).chars(120),
            get_url=lambda update: reverse(
                "wagtailsnippets_projects_projectupdate:edit", args=[update.pk]
            ),
        ),
        Column("project", label="Project", accessor=lambda update: update.project.title),
        Column("author", label="By", accessor=lambda update: str(update.author or "")),
        "status",
        "created_at",
    )
    list_filter = ("status",)
    search_fields = ("what_happened",)

    def get_queryset(self, request):
        return ProjectUpdate.objects.select_related("project", "author")


register_snippet(ProjectUpdateViewSet)


class SignedWithoutProjectMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_signed_without_project_urls():
    return report_urls(SignedWithoutProjectView, "reports/signed-without-project/")


@hooks.register("register_reports_menu_item")
def register_signed_without_project_menu_item():
    return SignedWithoutProjectMenuItem(
        "Signatories with no project",
        reverse("signed_without_project"),
        icon_name="warning",
        order=810,
    )


@hooks.register(MODERATION_QUEUES_HOOK)
def project_updates_queue():
    # On the admin dashboard's "What needs you", beside comments.
    return [
        (
            "Project updates waiting for moderation",
            ProjectUpdate,
            {"status": ModerationStatus.PENDING},
        )
    ]


# What the project page shows (projects.models names the hook; see core/page_views.py).
hooks.register(PROJECT_CONTEXT, views.project_page_context)
