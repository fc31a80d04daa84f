"""Every public GET route answers hostile query strings (NUL, control characters, huge or
repeated values) with a normal page or a clear 4xx, never a 500, on every database."""

import pytest

HOSTILE_QUERY = (
    "q=%00&search=a%00&type=%00&tag=%00&service_area=%01&organisation=%00&nation=%00"
    "&region=%7f&kind=%00&value=%00&status=%00&phase=%00&sort=%00&order=%00&year=%00"
    "&page=%00&offset=%00&limit=%00&former=%00&published=%00"
)
PUBLIC_PATHS = [
    "/",
    "/case-studies/",
    "/procurement-briefs/",
    "/business-cases/",
    "/service-patterns/",
    "/organisations/",
    "/tags/",
    "/service-areas/",
    "/search/",
    "/search/suggest/",
    "/api/v2/pages/",
    "/api/v2/documents/",
    "/collaborate/",
    "/feeds/",
    "/sitemap.xml",
    "/developers/api/",
    "/accounts/login/",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_route_survives_hostile_parameters(client, site_tree, path):
    response = client.get(f"{path}?{HOSTILE_QUERY}")
    assert response.status_code < 500, (path, response.status_code)
