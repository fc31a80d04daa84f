"""Machine-readable public routes: sitemap.xml, robots.txt, OpenAPI and exports."""

urlpatterns: list = []
