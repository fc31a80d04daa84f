"""Machine-readable public views: sitemap.xml, robots.txt, security.txt, the API index, OpenAPI,
developer docs."""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from core.content_types import content_types
from core.site_url import absolute_url, site_url
from localdigital.openapi import openapi_document, site_addresses
from organisations.models import Organisation, OrganisationIndexPage

ROBOTS_DISALLOW = ["/admin/", "/accounts/"]


class PublicPagesSitemap(Sitemap):
    """Every live page that anyone may read (Wagtail's sitemap already uses live().public())."""


class OrganisationSitemap(Sitemap):
    """Each organisation's page, while the organisations index is itself live and public."""

    def items(self):
        index_page = self.index_page()
        if index_page is None:
            return Organisation.objects.none()
        return Organisation.objects.only("slug", "name").order_by("name")

    def index_page(self):
        if not hasattr(self, "_index_page"):
            site = self.get_wagtail_site()
            self._index_page = (
                OrganisationIndexPage.objects.live()
                .public()
                .descendant_of(site.root_page, inclusive=True)
                .first()
            )
        return self._index_page

    def location(self, organisation):
        return f"{self.index_page().get_full_url(self.request)}{organisation.slug}/"

    def lastmod(self, organisation):
        return None

    def _urls(self, page, protocol, domain):
        return [
            {"item": item, "location": self.location(item), "lastmod": None}
            for item in self.paginator.page(page).object_list
        ]


SITEMAPS = {"pages": PublicPagesSitemap, "organisations": OrganisationSitemap}


@require_GET
def sitemap(request):
    return wagtail_sitemap(request, sitemaps=SITEMAPS)


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOW]
    lines += ["", f"Sitemap: {absolute_url(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# RFC 9116 asks for an expiry under a year ahead, so readers know the contact is kept current.
SECURITY_TXT_VALID_FOR = datetime.timedelta(days=180)


@require_GET
def security_txt(request):
    """/.well-known/security.txt (RFC 9116): where to report a vulnerability.

    Only a real contact is published: without SECURITY_CONTACT (an email address or an https
    URL, set per deployment) the file does not exist rather than name an inbox nobody reads.
    """
    contact = settings.SECURITY_CONTACT
    if not contact:
        raise Http404("No security contact is configured")
    if "@" in contact and not contact.startswith(("mailto:", "https:")):
        contact = f"mailto:{contact}"
    expires = (datetime.datetime.now(datetime.UTC) + SECURITY_TXT_VALID_FOR).replace(microsecond=0)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: en",
        f"Canonical: {absolute_url(reverse('security_txt'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def api_index(request):
    addresses = site_addresses()
    root = addresses.api_root
    return _cors(
        JsonResponse(
            {
                "name": "Local Digital public API",
                "documentation": addresses.guide,
                "openapi": f"{root}/openapi.json",
                "endpoints": {"pages": f"{root}/pages/", "documents": f"{root}/documents/"},
                "licence": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            },
            json_dumps_params={"indent": 2},
        )
    )


@require_GET
def openapi_json(request):
    document = openapi_document()
    return _cors(JsonResponse(document, json_dumps_params={"indent": 1}))


@require_GET
def developers_api(request):
    return render(
        request,
        "developers/api.html",
        {
            "addresses": site_addresses(),
            "site_root": site_url(),
            "content_types": content_types(),
        },
    )
