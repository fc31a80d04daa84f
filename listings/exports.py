"""CSV and JSON downloads of listings and search results: rows in, a file response out.

A leaf module (no imports from the apps), so any view can use it: build rows with
`content_rows` (from listings.selectors.download_rows) or `organisation_rows`, then return
`export_response(rows, fmt, filename)` when `requested_format(request)` is not None.
"""

import csv
import datetime
import io
import json
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.text import slugify

from core.site_url import absolute_url

FORMATS = ("csv", "json")
# A download is the whole listing, not one page of it, up to this many rows.
MAX_EXPORT_ROWS = 5000
# Search results come from the search service a page (50) at a time: 20 queries at most.
MAX_SEARCH_EXPORT_ROWS = 1000
# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "

# Every content download (index, tag, service-area, organisation and search pages) has these
# columns, from listings.selectors.download_rows: defined once so the files always line up.
CONTENT_COLUMNS = [
    "id",
    "title",
    "type",
    "url",
    "summary",
    "date",
    "last_checked",
    "status",
    "organisations",
    "organisation_codes",
    "tags",
    "service_areas",
    "licence",
    "licence_url",
    "reuse_count",
]


def requested_format(request) -> str | None:
    """'csv' or 'json' when the URL asks for a download (?format=csv), otherwise None."""
    value = request.GET.get("format", "").strip().lower()[:8]
    return value if value in FORMATS else None


def safe_cell(value):
    """A CSV cell a spreadsheet shows as text: formula-like strings get a leading quote."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _json_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def export_response(rows, fmt: str, filename: str, *, total: int | None = None) -> HttpResponse:
    """A download of `rows` (dicts with the same keys) as `fmt` ('csv' or 'json').

    `total` is how many rows the listing has when the download was capped below it: the JSON
    says so (`total`, `truncated`), and both formats send it as X-Total-Count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    rows = list(rows)[:MAX_EXPORT_ROWS]
    total = len(rows) if total is None else max(total, len(rows))
    name = slugify(filename)[:80] or "export"
    if fmt == "csv":
        buffer = io.StringIO()
        columns = list(rows[0].keys()) if rows else CONTENT_COLUMNS
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: safe_cell(row.get(key)) for key in columns})
        # A byte-order mark so that Excel reads the file as UTF-8.
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
    else:
        data = {
            "count": len(rows),
            "total": total,
            "truncated": total > len(rows),
            "results": [{key: _json_value(value) for key, value in row.items()} for row in rows],
        }
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["X-Total-Count"] = str(total)
    response["X-Content-Type-Options"] = "nosniff"
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "X-Total-Count"
    return response


def content_rows(hits, details: dict[int, dict]) -> list[dict]:
    """One CONTENT_COLUMNS row per search hit (search.services.SearchHit), in order.

    `details` adds, per page id, what the index's hit does not carry: `service_areas`,
    `organisation_codes`, `licence` and `licence_url` (listings.selectors.download_rows)."""
    rows = []
    for hit in hits:
        extra = details.get(hit.page_id, {})
        rows.append(
            {
                "id": hit.page_id,
                "title": hit.title,
                "type": hit.content_type_label,
                "url": absolute_url(hit.url),
                "summary": hit.summary,
                "date": hit.date,
                "last_checked": hit.checked_on,
                "status": hit.status_label,
                "organisations": [_name(item) for item in hit.organisations],
                "organisation_codes": extra.get("organisation_codes", []),
                "tags": [_name(item) for item in hit.tags],
                "service_areas": extra.get("service_areas", []),
                "licence": extra.get("licence", ""),
                "licence_url": extra.get("licence_url", ""),
                "reuse_count": hit.reuse_count,
            }
        )
    return rows


def collect_search_hits(run_page, *, limit: int = MAX_SEARCH_EXPORT_ROWS) -> list:
    """Every hit of a search, page by page, up to `limit`.

    `run_page(number)` returns search.services.SearchResults for that page, e.g.
    `lambda n: services.search_content(query=q, filters=f, sort=s, page=n,
    page_size=services.MAX_PAGE_SIZE)`; this module stays free of app imports.
    """
    hits: list = []
    number = 1
    while len(hits) < limit:
        results = run_page(number)
        if results.page != number or not results.hits:
            break
        hits += results.hits
        if len(hits) >= results.total:
            break
        number += 1
    return hits[:limit]


def _name(item) -> str:
    return item.get("name", "") if isinstance(item, dict) else str(item)


ORGANISATION_COLUMNS = [
    "code",
    "name",
    "official_name",
    "organisation_type",
    "council_type",
    "nation",
    "region",
    "gss_code",
    "website",
    "current",
    "url",
]


def organisation_rows(organisations, *, request=None) -> list[dict]:
    return [
        {
            "code": organisation.code,
            "name": organisation.name,
            "official_name": organisation.official_name,
            "organisation_type": organisation.organisation_type,
            "council_type": organisation.council_type,
            "nation": organisation.nation,
            "region": organisation.region,
            "gss_code": organisation.gss_code,
            "website": organisation.website,
            "current": organisation.is_current,
            "url": absolute_url(organisation.get_absolute_url()),
        }
        for organisation in organisations
    ]


SIGNATORY_COLUMNS = [
    "organisation",
    "organisation_code",
    "organisation_type",
    "nation",
    "region",
    "signed",
    "commitments",
    "url",
]


def signatory_rows(signatures, *, request=None) -> list[dict]:
    """Approved Declaration signatures with their published commitments (prefetched as
    `commitments`), as the public signatories list shows them: no one's name or address."""
    return [
        {
            "organisation": signature.organisation.name,
            "organisation_code": signature.organisation.code,
            "organisation_type": signature.organisation.get_organisation_type_display(),
            "nation": signature.organisation.nation,
            "region": signature.organisation.region,
            "signed": signature.signed_at.date() if signature.signed_at else None,
            "commitments": [commitment.title for commitment in signature.commitments.all()],
            "url": absolute_url(signature.organisation.get_absolute_url()),
        }
        for signature in signatures
    ]
