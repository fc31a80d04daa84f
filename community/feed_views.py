"""The page that lists every feed."""

from django.shortcuts import render

from core import selectors as core_selectors
from core.content_types import library_types
from core.models import ServiceArea


def feed_index(request):
    return render(
        request,
        "community/feeds/index.html",
        {
            "content_types": [(item.plural_slug, item.plural_label) for item in library_types()],
            "service_areas": ServiceArea.objects.only("name", "slug"),
            "tags": core_selectors.tags_in_use(limit=30),
        },
    )
