"""Community work done in the background (django-tasks), after the change that calls for it
has committed: the publishing moderator's request does not wait for every follower's email,
and a failure here never undoes the publication."""

from django_tasks import task

from community.contributions import services as contributions_services
from community.engagement import services as engagement_services
from core.models import BasePage


@task()
def notify_followers_of_publication(page_id: int) -> int:
    """Tell the member who contributed a newly published page, email its immediate followers
    and queue it for the digests."""
    page = BasePage.objects.filter(pk=page_id).first()
    if page is None:
        return 0  # deleted before the task ran: there is nothing to tell anyone about
    contributions_services.contribution_published(page=page)
    return engagement_services.followers_notify_published(page=page)


@task()
def send_digests() -> int:
    """Email each member one digest of what was published for their daily follows."""
    return engagement_services.digests_send()
