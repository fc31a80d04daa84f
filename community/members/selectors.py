"""Members' reads: what a member has proved about themselves."""

from allauth.account.models import EmailAddress


def confirmed_email_addresses(user) -> list[str]:
    """The addresses a member has proved they own; only these can verify them by domain."""
    return list(
        EmailAddress.objects.filter(user=user, verified=True)
        .order_by("-primary", "email")
        .values_list("email", flat=True)
    )
