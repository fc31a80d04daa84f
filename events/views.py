"""Event views: register, cancel, calendar files and a member's own events. Thin: reads in
events.selectors, writes in events.services."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from community.access import member_required, signed_in_required
from events import ical, selectors, services
from events.models import RegistrationStatus
from listings import exports
from listings import selectors as listing_selectors

REFUSED_STATUS = {"not_signatory": 403}


def public_event(page_id: int):
    """A live, public event or 404: a draft or restricted event is never acted on or shown."""
    return get_object_or_404(selectors.public_events(), pk=page_id)


def refused(request, event, error: services.RegistrationRefused, *, heading: str):
    return render(
        request,
        "events/refused.html",
        {
            "event": event,
            "heading": heading,
            "message": error.message,
            "code": error.code,
            "declaration_url": selectors.declaration_url(),
        },
        status=REFUSED_STATUS.get(error.code, 409),
    )


@require_http_methods(["GET", "POST"])
@member_required(verified=True)
def register(request, page_id: int, profile):
    event = public_event(page_id)
    if request.method == "GET":
        # Where sign-in returns to: the event page, whose button asks again.
        return redirect(event.url)
    try:
        registration = services.registration_create(event=event, profile=profile)
    except services.RegistrationRefused as error:
        return refused(request, event, error, heading="You cannot register for this event")
    if registration.status == RegistrationStatus.WAITING:
        messages.success(
            request,
            "The event is full, so you are on the waiting list. We have emailed you, and will "
            "email again if a place comes up.",
        )
    else:
        messages.success(request, "You have a place. We have emailed you the details.")
    return redirect(event.url)


@require_http_methods(["GET", "POST"])
@member_required(verified=False)
def cancel(request, page_id: int, profile):
    event = public_event(page_id)
    registration = selectors.registration_for(event=event, user=request.user)
    if request.method == "GET":
        if registration is None:
            return refused(
                request,
                event,
                services.RegistrationRefused(
                    "You are not registered for this event, so there is nothing to cancel.",
                    code="not_registered",
                ),
                heading="You cannot cancel this registration",
            )
        return render(request, "events/cancel.html", {"event": event, "registration": registration})
    try:
        services.registration_cancel(event=event, user=request.user)
    except services.RegistrationRefused as error:
        return refused(request, event, error, heading="You cannot cancel this registration")
    messages.success(request, f"Your registration for {event.title} is cancelled.")
    return redirect(event.url)


def calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def event_calendar(request, page_id: int):
    event = public_event(page_id)
    return calendar_response(ical.calendar_for([event], name=event.title), f"{event.slug[:80]}.ics")


@require_GET
def calendar_feed(request):
    return calendar_response(
        ical.calendar_for(selectors.calendar_events(), name=ical.feed_name()),
        "local-digital-events.ics",
    )


@signed_in_required
def my_events(request):
    # The template's member_events tag reads the registrations (as on the profile page).
    return render(request, "events/my_events.html")


# --- What the event pages show (events.models asks for these through Wagtail hooks) -------


def event_page_context(page, request) -> dict:
    """An event's places left, and the reader's own registration and place in the queue."""
    registration = selectors.registration_for(event=page, user=request.user)
    context = {"places": selectors.event_places(page), "registration": registration}
    if registration is not None and registration.status == RegistrationStatus.WAITING:
        context["waiting_position"] = selectors.waiting_position(registration)
    return context


def child_events_context(page, request) -> dict:
    """A series' or a course's events, upcoming and past."""
    upcoming, past = selectors.child_events(page)
    return {"upcoming": upcoming, "past": past}


def whats_on_page_context(page, request) -> dict:
    """What's on: the listing path's cards, filters and pagination, upcoming or past."""
    listing = selectors.whats_on_listing(request.GET)
    when = selectors.clean_when(request.GET.get("when"))
    filter_groups = selectors.whats_on_filter_groups(listing.results)
    query_without_page = selectors.whats_on_request_data(request.GET)
    query_without_page.pop("page", None)
    query_without_page.pop("order", None)
    if when == "past":
        query_without_page["when"] = "past"
    return {
        "listing": listing,
        "is_past": when == "past",
        "filtered": any(group.selected_count for group in filter_groups),
        "filter_groups": filter_groups,
        "listing_page": listing_selectors.paginated(listing.results, listing.cards),
        "query_without_page": query_without_page.urlencode(),
        "hidden_filters": [("when", "past")] if when == "past" else [],
        "filters_clear_url": page.url + ("?when=past" if when == "past" else ""),
    }


def whats_on_download(request, *, filename: str):
    """What's on as CSV or JSON when the URL asks for one (else None): the same read as the
    page, so the file holds the page's events, in its order, under its filters."""
    fmt = exports.requested_format(request)
    if fmt is None:
        return None
    hits, total = selectors.whats_on_hits(request.GET)
    return exports.export_response(
        listing_selectors.download_rows(hits), fmt, filename, total=total
    )
