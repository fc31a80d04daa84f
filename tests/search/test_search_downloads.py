"""The search results page downloads as CSV and JSON, with the same hits and filters."""

import csv
import io
import re


def test_search_downloads_as_csv_with_the_same_hits(client, corpus):
    response = client.get("/search/?q=repairs&format=csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    titles = [row["title"] for row in rows]
    assert "Housing repairs reporting online" in titles
    page_html = re.sub(r"</?mark>", "", client.get("/search/?q=repairs").content.decode())
    for title in titles:
        assert title in page_html


def test_search_downloads_as_json_and_respects_filters(client, corpus):
    response = client.get("/search/?q=repairs&organisation=cardiff&format=json")

    assert response.status_code == 200
    data = response.json()
    rows = data["results"] if isinstance(data, dict) else data
    assert rows
    for row in rows:
        assert "Cardiff" in str(row)
