"""Values every template needs: the site's name and its address (SITE_URL)."""

from django.conf import settings

from core.site_url import site_url


def site_context(request):
    return {"SITE_NAME": settings.SITE_NAME, "SITE_URL": site_url()}
