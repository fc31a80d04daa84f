"""The page that lists every feed."""

from django.shortcuts import render

from community.feeds import CONTENT_TYPES
from core import selectors as core_selectors
from core.models import ServiceArea


def feed_index(request):
    return render(
        request,
        "community/feeds/index.html",
        {
            "content_types": [(slug, label) for slug, (_model, label) in CONTENT_TYPES.items()],
            "service_areas": ServiceArea.objects.only("name", "slug"),
            "tags": core_selectors.tags_in_use(limit=30),
        },
    )
