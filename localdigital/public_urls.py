"""Machine-readable public routes: sitemap.xml, robots.txt, security.txt, OpenAPI and the
developer guide."""

from django.urls import path

from localdigital import open_data

urlpatterns: list = [
    path("sitemap.xml", open_data.sitemap, name="sitemap"),
    path("robots.txt", open_data.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", open_data.security_txt, name="security_txt"),
    # /api/v2/pages/ and /api/v2/documents/ are the router's (localdigital.urls); these sit beside.
    path("api/v2/", open_data.api_index, name="api_index"),
    path("api/v2/openapi.json", open_data.openapi_json, name="api_openapi"),
    path("developers/api/", open_data.developers_api, name="developers_api"),
]
