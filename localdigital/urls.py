"""URL routes: our own views first, then Wagtail's page tree catches the rest."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve as serve_static_file

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views.serve import serve as wagtail_document_serve

from core import views as core_views
from localdigital.api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, but no shared cache keeps a copy and every browser asks again
    # (a 304 from the ETag when nothing changed): who may download a document follows its
    # pages, which can be unpublished or restricted at any time. Same path as Wagtail's
    # own `wagtaildocs_serve`, which `Document.url` still reverses to.
    re_path(
        r"^documents/(\d+)/(.*)$",
        cache_control(private=True, no_cache=True)(wagtail_document_serve),
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("", include("localdigital.public_urls")),
    path("", include("community.urls")),
    path("tags/", core_views.tag_index, name="tag_index"),
    path("tags/<str:slug>/", core_views.tag_detail, name="tag_detail"),
    path("service-areas/", core_views.service_area_index, name="service_area_index"),
    path("service-areas/<str:slug>/", core_views.service_area_detail, name="service_area_detail"),
    path("search/", include("search.urls")),
]


def development_media_urlpatterns() -> list:
    """MEDIA_URL from MEDIA_ROOT for `runserver`, except documents/: a document is only ever
    downloaded through /documents/<id>/<name>, which checks the pages using it
    (core.wagtail_hooks), never straight from its file."""
    prefix = settings.MEDIA_URL.lstrip("/")
    return [
        re_path(
            rf"^{prefix}(?!documents/)(?P<path>.*)$",
            serve_static_file,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]


if settings.DEBUG:
    urlpatterns += development_media_urlpatterns()

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
