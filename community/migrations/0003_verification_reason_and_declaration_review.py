"""Why a member is verified, and Declaration applications that cannot hold a place.

- MemberProfile.verification_reason, and every verification by email domain re-checked
  against the organisations' new email-domain lists (organisations 0002/0003): one that only
  stood because a website lived on a shared host (www.gov.uk/...) goes back to a moderator.
- Signature: any number of applications per organisation (only one approved), an address
  check flag for staff, and an "expired" status for unconfirmed ones.
"""

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

# The live rules, as in organisations 0003: a shared host must never verify, whenever this runs.
from organisations.domains import domain_is_shared, email_domain, matching_domain


def domain_verifications_recheck(apps, schema_editor):
    MemberProfile = apps.get_model("community", "MemberProfile")
    EmailAddress = apps.get_model("account", "EmailAddress")
    OrganisationEmailDomain = apps.get_model("organisations", "OrganisationEmailDomain")
    domains_by_org: dict[int, list[str]] = {}
    for organisation_id, domain in OrganisationEmailDomain.objects.order_by(
        "sort_order"
    ).values_list("organisation_id", "domain"):
        if not domain_is_shared(domain):
            domains_by_org.setdefault(organisation_id, []).append(domain)
    today = timezone.localdate().isoformat()
    profiles = MemberProfile.objects.filter(
        verification_status="verified", verification_method="domain"
    ).select_related("organisation")
    for profile in profiles:
        domains = domains_by_org.get(profile.organisation_id, [])
        addresses = EmailAddress.objects.filter(user_id=profile.user_id, verified=True).order_by(
            "-primary", "email"
        )
        for email in addresses.values_list("email", flat=True):
            matched = matching_domain(email=email, domains=domains)
            if matched:
                profile.verification_reason = (
                    f"Email domain {email_domain(email)} matches {profile.organisation.name} "
                    f"(its email domain {matched})"
                )[:255]
                break
        else:
            # No moderator is emailed from a migration: the admin's "Members waiting to be
            # verified" queue shows them, with this reason.
            profile.verification_status = "pending"
            profile.verification_method = ""
            profile.verified_at = None
            profile.verification_reason = (
                f"Was verified by an email domain that no longer counts for "
                f"{profile.organisation.name} (a shared host, or not one of its email domains); "
                f"waiting for a moderator since {today}"
            )[:255]
        profile.save(
            update_fields=[
                "verification_status",
                "verification_method",
                "verified_at",
                "verification_reason",
            ]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_moderator_permissions"),
        ("organisations", "0003_email_domains_from_websites"),
        ("account", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="signature",
            name="community_one_signature_per_org",
        ),
        migrations.AddField(
            model_name="memberprofile",
            name="verification_reason",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="Written by the site: the email domain that matched, or the moderator and date.",
                max_length=255,
                verbose_name="why verified",
            ),
        ),
        migrations.AddField(
            model_name="signature",
            name="addresses_match",
            field=models.BooleanField(
                editable=False,
                help_text="Unknown (empty) for applications made before addresses were checked.",
                null=True,
                verbose_name="addresses on the organisation's email domains",
            ),
        ),
        migrations.AddField(
            model_name="signature",
            name="addresses_note",
            field=models.CharField(blank=True, editable=False, max_length=500),
        ),
        migrations.AlterField(
            model_name="signature",
            name="review_note",
            field=models.CharField(
                blank=True,
                help_text="Required to approve an application whose addresses do not match the organisation's email domains: say how you checked it is genuine.",
                max_length=500,
            ),
        ),
        migrations.AlterField(
            model_name="signature",
            name="status",
            field=models.CharField(
                choices=[
                    ("awaiting_approver", "Waiting for the senior approver to confirm"),
                    ("awaiting_review", "Waiting for review by staff"),
                    ("approved", "Signed"),
                    ("rejected", "Not accepted"),
                    ("expired", "Expired: the senior approver did not confirm in time"),
                ],
                db_index=True,
                default="awaiting_approver",
                max_length=20,
            ),
        ),
        migrations.AddConstraint(
            model_name="signature",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "approved")),
                fields=("organisation",),
                name="community_one_approved_signature_per_org",
                violation_error_message="This organisation has already signed the Declaration: reject this application, or the other signature first.",
            ),
        ),
        # Going back cannot tell which members the re-check sent to a moderator; they stay so.
        migrations.RunPython(domain_verifications_recheck, migrations.RunPython.noop),
    ]
