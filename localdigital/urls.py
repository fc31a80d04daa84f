"""URL routes: our own views first, then Wagtail's page tree catches the rest."""

from django.conf import settings
from django.urls import include, path
from django.views.decorators.http import require_POST

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import LogoutView as AdminLogoutView
from wagtail.documents import urls as wagtaildocs_urls

from community.ratelimit import rate_limit
from core import views as core_views
from localdigital.api import api_router

urlpatterns = [
    # Wagtail's sign-out deletes the session cookie even when it refuses a GET with a 405, so
    # a link on any other site could sign editors out; refuse anything but a POST first.
    path("admin/logout/", require_POST(AdminLogoutView.as_view())),
    path("admin/", include(wagtailadmin_urls)),
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

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's form for a password-protected page, with a limit on guesses per address.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        rate_limit("page_password")(wagtail_views.authenticate_with_password),
    ),
    path("", include(wagtail_urls)),
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
