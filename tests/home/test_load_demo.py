"""load_demo builds the whole demo site, and running it again changes nothing."""

import io
import re
from collections import deque
from html.parser import HTMLParser

from django.core.management import call_command

from wagtail.models import Page

import pytest

from casestudies.models import CaseStudyPage
from core.content_types import content_models
from core.models import BasePage
from organisations.models import Organisation


def _counts():
    return {
        "pages": Page.objects.count(),
        "content": BasePage.objects.count(),
        "organisations": Organisation.objects.count(),
        "tagged": BasePage.tags.through.objects.count(),
        "links": CaseStudyPage.related_briefs.through.objects.count(),
    }


@pytest.mark.django_db
def test_load_demo_builds_realistic_content_and_is_idempotent(client):
    output = io.StringIO()
    call_command("load_demo", verbosity=0, stdout=output)
    first = _counts()
    second_output = io.StringIO()
    call_command("load_demo", verbosity=0, stdout=second_output)

    assert _counts() == first
    assert first["content"] >= 40
    for model in content_models():
        assert model.objects.live().count() >= 8, model
    assert Organisation.objects.filter(organisation_type="council").count() >= 400
    assert Organisation.objects.filter(is_current=False).exists()
    assert first["links"] > 0
    assert Page.find_problems() == ([], [], [], [], [])

    study = CaseStudyPage.objects.live().filter(related_briefs__isnull=False).first()
    html = client.get(study.url).content.decode()
    brief = study.related_briefs.first()
    assert brief.title in html
    assert study.title in client.get(brief.url).content.decode()

    # Everything a visitor can reach from the home page answers, and shows no Python leftovers.
    visited, failures = crawl_site(client, limit=600)
    assert len(visited) > 200
    assert not failures, failures

    # The member logins it prints work, so member features can be tried straight away.
    logins = re.findall(
        r"demo member (\S+) \(([^,]+), verified\).*password '([^']+)'", output.getvalue()
    )
    assert logins, output.getvalue()
    assert "demo member" not in second_output.getvalue()  # printed once, when created
    email, _organisation, password = logins[0]
    response = client.post("/accounts/login/", {"login": email, "password": password})
    assert response.status_code == 302, response.content.decode()[:500]
    assert client.get("/members/profile/").status_code == 200


# Visible text that means a template printed a missing value (e.g. `None|intcomma`).
LEFTOVER_RE = re.compile(r"(?<![\w-])(None|nan|NaN|undefined|\[\]|\{\})(?![\w-])")
NOT_CRAWLED = ("/admin", "/documents/", "/static/", "/media/", "/accounts/logout")


class _PageText(HTMLParser):
    """The links and the visible text of a page (not scripts or styles)."""

    def __init__(self):
        super().__init__()
        self.links, self.text, self._hidden = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._hidden += 1
        href = dict(attrs).get("href") or "" if tag == "a" else ""
        if href.startswith("/") and "?" not in href and not href.startswith(NOT_CRAWLED):
            self.links.append(href.split("#")[0])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def crawl_site(client, *, limit):
    """Follow every internal link (no query strings) from "/", breadth first, up to `limit`."""
    visited, failures, queue = set(), [], deque(["/"])
    while queue and len(visited) < limit:
        path = queue.popleft()
        if path in visited:
            continue
        visited.add(path)
        response = client.get(path)
        if response.status_code in (301, 302):  # sign-in walls for members' pages
            continue
        if response.status_code != 200:
            failures.append((path, response.status_code))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parsed = _PageText()
        parsed.feed(response.content.decode())
        failures += [(path, word) for word in LEFTOVER_RE.findall(" ".join(parsed.text))]
        queue.extend(link for link in parsed.links if link not in visited)
    return visited, failures


@pytest.mark.django_db
def test_scale_adds_generated_pages_up_to_the_total_once():
    call_command("load_demo", scale=40, verbosity=0)
    hand_written = BasePage.objects.exclude(slug__startswith="gen-").count()
    assert BasePage.objects.filter(slug__startswith="gen-").count() == 40
    call_command("load_demo", scale=40, verbosity=0)
    assert BasePage.objects.filter(slug__startswith="gen-").count() == 40
    assert BasePage.objects.exclude(slug__startswith="gen-").count() == hand_written
    assert Page.find_problems() == ([], [], [], [], [])
    for model in content_models():  # 40 spread evenly over the types
        generated = model.objects.filter(slug__startswith="gen-")
        assert generated.count() == 40 // len(content_models())
        page = generated.first()
        assert page.organisations.exists()
        assert page.tags.exists()
        assert page.url.endswith(f"/{page.slug}/")


@pytest.mark.django_db
def test_demo_users_are_refused_outside_development(settings):
    from home.demo.loader import demo_users_ensure

    settings.LOCALDIGITAL_ALLOW_DEMO_USERS = False
    assert demo_users_ensure() == []
