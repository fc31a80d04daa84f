"""URL routes: our own views first, then Wagtail's page tree catches the rest."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST
from django.views.static import serve as serve_static_file

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import LogoutView as AdminLogoutView
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views.serve import serve as wagtail_document_serve

from community.ratelimit import rate_limit
from listings import views as listing_views
from localdigital.api import api_router

urlpatterns = [
    # Wagtail's sign-out deletes the session cookie even when it refuses a GET with a 405, so
    # a link on any other site could sign editors out; refuse anything but a POST first.
    path("admin/logout/", require_POST(AdminLogoutView.as_view())),
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
    path("", include("events.urls")),
    path("", include("funding.urls")),
    path("", include("projects.urls")),
    path("tags/", listing_views.tag_index, name="tag_index"),
    path("tags/<str:slug>/", listing_views.tag_detail, name="tag_detail"),
    path("service-areas/", listing_views.service_area_index, name="service_area_index"),
    path(
        "service-areas/<str:slug>/", listing_views.service_area_detail, name="service_area_detail"
    ),
    path("search/", include("listings.search_urls")),
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

urlpatterns += [
    # Wagtail's form for a password-protected page, with a limit on guesses per address.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        rate_limit("page_password")(wagtail_views.authenticate_with_password),
    ),
    path("", include(wagtail_urls)),
]

handler400 = "localdigital.views.bad_request"
handler403 = "localdigital.views.permission_denied"
handler404 = "localdigital.views.page_not_found"
handler500 = "localdigital.views.server_error"
