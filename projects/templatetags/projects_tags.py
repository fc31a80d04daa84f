"""Projects on pages of other apps: an organisation's or a signatory's projects, each with
its latest update.

The signatories page belongs to community, which cannot import projects; its template loads
these tags instead, as the profile page loads events' (events_tags)."""

from django import template

from projects import selectors

register = template.Library()


@register.simple_tag
def projects_of_signatories(signatures) -> dict:
    """Every signatory's projects on this page of the listing, read once for the page."""
    return selectors.projects_for_organisations(
        signature.organisation_id for signature in signatures
    )


@register.inclusion_tag("projects/includes/signatory_projects.html")
def signatory_projects(projects_by_organisation: dict, organisation_id: int):
    return {"rows": projects_by_organisation.get(organisation_id, [])}


@register.inclusion_tag("projects/includes/organisation_projects.html")
def organisation_projects(organisation_id: int):
    """The organisation page's section: the projects it leads or works on as a partner."""
    return {"rows": selectors.projects_for_organisation(organisation_id)}


@register.inclusion_tag("projects/includes/projects_panel.html")
def projects_panel():
    """The Declaration page's way to the projects listing, kept out of the menu: how many
    projects are public, and a link; nothing when the site has no projects page."""
    return {
        "index": selectors.projects_index(),
        "count": selectors.public_projects().count(),
    }
