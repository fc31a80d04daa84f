"""An organisation's email domains: editors keep the list in the admin, shared hosts are
refused, and the first list comes from each website unless that is on a shared host."""

import importlib

from django.apps import apps
from django.core.exceptions import ValidationError

import pytest

from organisations.domains import SHARED_EMAIL_DOMAINS, matching_domain
from organisations.models import Organisation, OrganisationEmailDomain
from organisations.selectors import email_domain_match
from tests import factories


@pytest.mark.parametrize(
    "domain", ["gov.uk", "nhs.uk", "org.uk", "gov.wales", "llyw.cymru", "gov.scot", "GOV.UK "]
)
def test_a_shared_host_is_refused_as_an_organisations_domain(db, domain):
    entry = OrganisationEmailDomain(organisation=factories.OrganisationFactory(), domain=domain)
    with pytest.raises(ValidationError, match="shared by many organisations"):
        entry.full_clean()


@pytest.mark.parametrize("domain", ["hackney", "not a domain", "@", "hackney..gov.uk"])
def test_a_malformed_domain_is_refused(db, domain):
    entry = OrganisationEmailDomain(organisation=factories.OrganisationFactory(), domain=domain)
    with pytest.raises(ValidationError, match="correct format"):
        entry.full_clean()


def test_a_domain_is_stored_as_it_is_matched(db):
    entry = OrganisationEmailDomain(
        organisation=factories.OrganisationFactory(), domain=" @Hackney.GOV.uk. "
    )
    entry.full_clean()
    entry.save()
    assert OrganisationEmailDomain.objects.get().domain == "hackney.gov.uk"


def test_the_shared_list_holds_what_the_issue_names():
    for domain in ("gov.uk", "nhs.uk", "org.uk", "gov.wales", "llyw.cymru", "gov.scot"):
        assert domain in SHARED_EMAIL_DOMAINS
    assert "hackney.gov.uk" not in SHARED_EMAIL_DOMAINS


def test_matching_skips_shared_hosts_and_lookalikes():
    assert matching_domain(email="a@x.gov.uk", domains=["gov.uk"]) == ""
    assert matching_domain(email="a@nothackney.gov.uk", domains=["hackney.gov.uk"]) == ""
    assert matching_domain(email="a@x.hackney.gov.uk", domains=["hackney.gov.uk"]) == (
        "hackney.gov.uk"
    )
    assert matching_domain(email="no-at-sign", domains=["hackney.gov.uk"]) == ""


def _edit_form(organisation, domains):
    data = {
        "name": organisation.name,
        "official_name": "",
        "code": organisation.code,
        "slug": organisation.slug,
        "organisation_type": organisation.organisation_type,
        "council_type": "",
        "nation": organisation.nation,
        "region": organisation.region,
        "gss_code": "",
        "website": "https://www.gov.uk/government/organisations/department",
        "is_current": "on",
        "description": '{"blocks":[],"entityMap":{}}',
        "email_domains-TOTAL_FORMS": str(len(domains)),
        "email_domains-INITIAL_FORMS": "0",
        "email_domains-MIN_NUM_FORMS": "0",
        "email_domains-MAX_NUM_FORMS": "1000",
    }
    for index, domain in enumerate(domains):
        data[f"email_domains-{index}-domain"] = domain
        data[f"email_domains-{index}-id"] = ""
        data[f"email_domains-{index}-ORDER"] = str(index + 1)
        data[f"email_domains-{index}-DELETE"] = ""
    return data


def test_editors_manage_the_list_in_the_admin_and_a_shared_host_is_an_error(client, superuser):
    organisation = factories.OrganisationFactory(name="Department")
    client.force_login(superuser)
    url = f"/admin/snippets/organisations/organisation/edit/{organisation.pk}/"
    assert "Email domains" in client.get(url).content.decode()

    response = client.post(url, _edit_form(organisation, ["gov.uk"]))
    assert response.status_code == 200
    assert "gov.uk is shared by many organisations" in response.content.decode()
    assert not OrganisationEmailDomain.objects.exists()

    response = client.post(url, _edit_form(organisation, ["Communities.gov.uk", "mhclg.gov.uk"]))
    assert response.status_code == 302
    assert organisation.email_domain_names == ["communities.gov.uk", "mhclg.gov.uk"]
    refreshed = Organisation.objects.get(pk=organisation.pk)
    assert email_domain_match(email="lee@communities.gov.uk", organisation=refreshed) == (
        "communities.gov.uk"
    )


def test_the_data_migration_fills_domains_from_websites_except_shared_hosts(db):
    council = factories.OrganisationFactory(website="https://www.council-x.gov.uk/")
    department = factories.OrganisationFactory(
        website="https://www.gov.uk/government/organisations/department"
    )
    trust = factories.OrganisationFactory(website="https://www.nhs.uk/services/trust/")
    no_website = factories.OrganisationFactory(website="")
    kept = factories.OrganisationFactory(
        website="https://www.council-y.gov.uk", email_domains=["y.gov.uk"]
    )
    migration = importlib.import_module("organisations.migrations.0003_email_domains_from_websites")
    migration.email_domains_from_websites(apps, None)
    assert Organisation.objects.get(pk=council.pk).email_domain_names == ["council-x.gov.uk"]
    for organisation in (department, trust, no_website):
        assert Organisation.objects.get(pk=organisation.pk).email_domain_names == []
    # An organisation someone already gave domains keeps just those.
    assert Organisation.objects.get(pk=kept.pk).email_domain_names == ["y.gov.uk"]


def test_the_demo_gives_organisations_their_own_domains_never_a_shared_host(db):
    from home.demo.loader import organisations_load

    organisations_load()
    organisations_load()  # idempotent: no duplicate rows
    mhclg = Organisation.objects.get(code="MHCLG")
    assert mhclg.email_domain_names == ["communities.gov.uk"]
    assert Organisation.objects.get(code="HCK").email_domain_names == ["hackney.gov.uk"]
    assert not OrganisationEmailDomain.objects.filter(domain__in=SHARED_EMAIL_DOMAINS).exists()
    assert Organisation.objects.get(code="EXAMPLE-DIGITAL").email_domain_names
