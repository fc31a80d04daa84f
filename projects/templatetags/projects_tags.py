"""Projects on pages of the apps below: a signatory's projects and their latest update.

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
