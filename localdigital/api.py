"""The read-only public API (Wagtail API v2) at /api/v2/."""

from wagtail.api.v2.router import WagtailAPIRouter

api_router = WagtailAPIRouter("wagtailapi")
