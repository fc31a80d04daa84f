"""Demo Declaration projects: one in each phase, led by demo councils with partners, linked
to demo library pages, with published updates (and one project gone quiet).

Idempotent: a project that exists (by slug) is left alone, and so are its updates.
"""

import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from wagtail.models import Page

from community.models import ModerationStatus
from core.boilerplate import DEMO_NOTICE_HTML
from core.content_types import library_types
from core.models import BasePage
from organisations.models import Organisation
from projects.models import ProjectIndexPage, ProjectPage, ProjectUpdate
from search import indexing

UK_TIME = ZoneInfo("Europe/London")
NOTICE = ("callout", {"text": DEMO_NOTICE_HTML})

# slug, title, lead and partner codes, phase, status, days since it started, funding,
# budget, and each update as (days ago, what happened, what is next).
PROJECTS = [
    (
        "shared-repairs-reporting",
        "Shared housing repairs reporting",
        ["HCK", "LBH"],
        "discovery",
        "on-track",
        60,
        "Local Digital Fund round 7",
        85000,
        [(20, "Interviewed 24 tenants and 9 repairs staff.", "Write up the problem statement.")],
    ),
    (
        "missed-bin-alpha",
        "Missed bin collections alpha",
        ["SKP", "MAN"],
        "alpha",
        "at-risk",
        200,
        "",
        40000,
        [(150, "Tested three prototypes with residents.", "Choose one to take to beta.")],
    ),
    (
        "school-admissions-beta",
        "School admissions beta",
        ["DUR", "NYE"],
        "beta",
        "on-track",
        400,
        "Local Digital Fund round 6",
        250000,
        [
            (300, "Private beta opened in two towns.", "Widen it to the whole county."),
            (40, "Public beta: 3,000 applications so far.", "Assessment for live."),
        ],
    ),
    (
        "blue-badge-live",
        "Blue badge applications",
        ["KEN", "BNE", "WRL"],
        "live",
        "completed",
        700,
        "Council budget",
        120000,
        [(100, "Live in all three councils; the old form is switched off.", "")],
    ),
    (
        "paper-forms-retired",
        "Paper forms scanner",
        ["BNE"],
        "retired",
        "completed",
        1200,
        "",
        None,
        [(500, "Retired: the online forms replaced it.", "")],
    ),
]


@transaction.atomic
def projects_demo_load() -> dict:
    index = ProjectIndexPage.objects.first()
    if index is None:  # the site tree makes it; nothing to hang projects on without it
        return {"projects_created": 0}
    today = timezone.localdate()
    library = list(
        BasePage.objects.live()
        .type(*(item.model for item in library_types()))
        .order_by("pk")
        .values_list("pk", flat=True)[: 2 * len(PROJECTS)]
    )
    made = []
    taken = set(BasePage.objects.values_list("date", flat=True))
    for number, (slug, title, codes, phase, status, age, funding, budget, updates) in enumerate(
        PROJECTS
    ):
        if ProjectPage.objects.child_of(index).filter(slug=slug).exists():
            continue
        organisations = {org.code: org for org in Organisation.objects.filter(code__in=codes)}
        lead = organisations.get(codes[0])
        if lead is None:  # the demo's councils are not loaded
            continue
        # As every demo page, dated by a day of its own (feeds list each on its day).
        started = today - datetime.timedelta(days=age)
        while started in taken:
            started -= datetime.timedelta(days=1)
        taken.add(started)
        project = ProjectPage(
            slug=slug,
            title=title,
            summary=f"{title}: a Declaration project led by {lead.name}.",
            lead_organisation=lead,
            phase=phase,
            status=status,
            date=started,
            last_reviewed=started,
            planned_end=started + datetime.timedelta(days=540),
            funding_source=funding,
            budget=budget,
            body=[NOTICE],
            links=[
                ("link", {"kind": "code", "title": "Code", "url": f"https://example.org/{slug}"})
            ],
        )
        index.add_child(instance=project)
        project.partner_organisations = [organisations[c] for c in codes[1:] if c in organisations]
        for page_id in library[number * 2 : number * 2 + 2]:
            project.outputs.create(page_id=page_id)
        project.save_revision().publish()
        published_at = datetime.datetime.combine(started, datetime.time(9), tzinfo=UK_TIME)
        Page.objects.filter(pk=project.pk).update(
            first_published_at=published_at, last_published_at=published_at
        )
        for days_ago, happened, next_steps in updates:
            ProjectUpdate.objects.create(
                project=project,
                organisation=lead,
                happened_on=today - datetime.timedelta(days=days_ago),
                what_happened=happened,
                what_next=next_steps,
                status=ModerationStatus.APPROVED,
                moderated_at=timezone.now(),
            )
        made.append(project.pk)
    # Indexed again with their updates, so only the quiet one says "No update since".
    indexing.index_pages(made)
    return {"projects_created": len(made)}
