"""The admin has one "Search terms" report: popular terms and those that found nothing."""

import csv
import io
import json
import re

import openpyxl
import pytest

REPORT = "/admin/reports/search-terms/"
REPORT_RESULTS = "/admin/reports/search-terms/results/"  # the table alone


def _reports_menu(client) -> list[dict]:
    """The Reports submenu as the admin's sidebar receives it (its props are JSON)."""
    html = client.get("/admin/").content.decode()
    props = json.loads(
        re.search(
            r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
        )[1]
    )
    found = []

    def walk(node):
        if isinstance(node, dict):
            if (
                node.get("_type") == "wagtail.sidebar.SubMenuItem"
                and node["_args"][0]["label"] == "Reports"
            ):
                found.extend(arg["_args"][0] for arg in node["_args"][1])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return found


@pytest.mark.parametrize("who", ["editor", "superuser"])
def test_the_reports_menu_has_exactly_one_search_terms_report(client, site_tree, who, request):
    client.force_login(request.getfixturevalue(who))
    items = [item for item in _reports_menu(client) if item["label"] == "Search terms"]
    assert [item["url"] for item in items] == [REPORT]


@pytest.fixture
def searches(client, corpus):
    """Three searches for a term that finds pages, one for a term that finds nothing."""
    for _ in range(3):
        client.get("/search/", {"q": "repairs"})
    client.get("/search/", {"q": "quantum ledger"})
    client.logout()


def _rows(html: str) -> dict[str, list[str]]:
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        cells = [
            re.sub(r"<[^>]+>|\s+", " ", cell).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        if cells:
            rows[cells[0]] = cells[1:]
    return rows


def test_the_report_lists_popular_terms_and_says_which_found_nothing(client, searches, editor):
    client.force_login(editor)
    response = client.get(REPORT_RESULTS)
    assert response.status_code == 200
    rows = _rows(response.content.decode())
    assert rows["repairs"][:2] == ["3", "0"]
    assert rows["quantum ledger"][:2] == ["1", "1"]
    assert rows["quantum ledger"][2]  # when it last found nothing


def test_the_found_nothing_filter_leaves_only_the_gaps(client, searches, editor):
    client.force_login(editor)
    html = client.get(REPORT_RESULTS, {"found_nothing": "true"}).content.decode()
    assert list(_rows(html)) == ["quantum ledger"]


def test_the_report_downloads_as_csv_and_xlsx(client, searches, editor):
    client.force_login(editor)
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    table = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert table[0] == [
        "Search term",
        "Searches",
        "Searches that found nothing",
        "Last found nothing",
    ]
    assert ["repairs", "3", "0", ""] in table
    assert [row[:3] for row in table if row[0] == "quantum ledger"] == [
        ["quantum ledger", "1", "1"]
    ]

    response = client.get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Search term"
    assert ["repairs", 3, 0] in [row[:3] for row in values]
