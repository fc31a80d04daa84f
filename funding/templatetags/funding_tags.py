"""What other apps' templates show of the fund: a link to it, and the rounds open now.
(Templates below the fund, like the Declaration's and a member's profile, load these by name,
so no module below imports this one.)"""

from django import template

from community.auth import member_profile
from funding import selectors

register = template.Library()


@register.inclusion_tag("funding/includes/fund_panel.html", takes_context=True)
def fund_panel(context, heading_level: int = 2):
    """The fund in a few lines, with its open rounds; nothing if the site has no fund page."""
    index = selectors.fund_index()
    return {
        "request": context.get("request"),
        "fund": index,
        "open_rounds": list(selectors.open_rounds()) if index else [],
        "heading_level": heading_level,
    }


@register.inclusion_tag("funding/includes/project_funding.html", takes_context=True)
def project_funding(context, project):
    """A Declaration project's awards from the fund (round, phase, amount) and what each
    round asks funded projects to publish; and, for a verified member of its lead
    organisation, the open rounds it may bid in (its next phase, once funded)."""
    request = context.get("request")
    profile = member_profile(getattr(request, "user", None))
    leads_it = bool(
        profile and profile.is_verified and profile.organisation_id == project.lead_organisation_id
    )
    return {
        "request": request,
        "project": project,
        "awards": selectors.awards_for_project(project),
        "rounds": selectors.rounds_for_project(project) if leads_it else [],
    }
