"""Keep the search engine (SEARCH_URL) in step with the database index, through its outages.

The database index is the source of truth and is always written first, in the caller's
transaction (a publish, a move, a rename). The engine is then sent the changed pages at
once, so a publish is searchable when it returns. If the engine cannot be reached, the
publish still succeeds: the pages are kept in `PendingEngineWrite`, in the same
transaction, and sent later by `sync_pending()`, from the `sync_search_engine` task (retried
after 1, 5, 30, 120 and 360 minutes where the task backend can run work later) and from
`manage.py sync_search_engine` (cron). Without SEARCH_URL none of this does anything.
"""

import logging
import secrets
from functools import partial
from itertools import groupby
from operator import itemgetter

from django.db import transaction
from django.utils import timezone

from django_tasks import task

from core.retries import BACKGROUND_RETRY_DELAYS
from search.backends import SearchEngineUnavailable, get_backend
from search.models import PendingEngineWrite

logger = logging.getLogger(__name__)

# When the task tries the engine again; after the last try the cron command keeps trying.
RETRY_DELAYS = BACKGROUND_RETRY_DELAYS
SYNC_BATCH = 500


def send_or_keep(page_ids: list[int]) -> None:
    """Send these pages' documents (or removals) to the engine, or keep them for later.

    Never raises for the engine: whatever the editor did is already in the database index,
    and must commit whether or not the engine answers.
    """
    backend = get_backend()
    try:
        backend.after_write(page_ids)
    except SearchEngineUnavailable as error:
        keep(page_ids)
        logger.warning(
            "search engine unavailable: %d page(s) kept to send later: %s", len(page_ids), error
        )
        if sync_search_engine.get_backend().supports_defer:
            # robust: a queue that cannot take the task must not undo the publish; the pages
            # still wait for the cron command.
            transaction.on_commit(partial(enqueue_retry, 1), robust=True)


def keep(page_ids: list[int]) -> None:
    """Mark these pages as waiting for the engine, in the caller's transaction."""
    token = secrets.randbits(62) + 1
    PendingEngineWrite.objects.bulk_create(
        [PendingEngineWrite(page_id=pk, token=token) for pk in page_ids],
        batch_size=SYNC_BATCH,
        update_conflicts=True,
        unique_fields=["page_id"],
        update_fields=["token", "queued_at"],
    )


def waiting_count() -> int:
    return PendingEngineWrite.objects.count()


def sync_pending() -> dict[str, int]:
    """Send every waiting page's current document to the engine; SearchEngineUnavailable if
    it still cannot be reached (what was sent before that stays sent)."""
    last, sent = -1, 0
    backend = get_backend()
    while True:
        rows = list(
            PendingEngineWrite.objects.filter(page_id__gt=last)
            .order_by("page_id")
            .values_list("page_id", "token")[:SYNC_BATCH]
        )
        if not rows:
            break
        backend.after_write([page_id for page_id, _token in rows])
        # Only the writes this batch read: one kept again meanwhile (a new token) stays.
        for token, group in groupby(sorted(rows, key=itemgetter(1)), key=itemgetter(1)):
            PendingEngineWrite.objects.filter(
                token=token, page_id__in=[page_id for page_id, _token in group]
            ).delete()
        sent += len(rows)
        last = rows[-1][0]
    return {"sent": sent, "waiting": waiting_count()}


def forget_covered_by_rebuild(started) -> None:
    """A full rebuild of the engine read every document after `started`: what was waiting
    before then is in it."""
    PendingEngineWrite.objects.filter(queued_at__lt=started).delete()


def enqueue_retry(attempt: int) -> None:
    delay = RETRY_DELAYS[min(attempt, len(RETRY_DELAYS)) - 1]
    sync_search_engine.using(run_after=timezone.now() + delay).enqueue(attempt)


@task()
def sync_search_engine(attempt: int = 1) -> dict[str, int]:
    """Send what waits for the engine; if it still cannot be reached, try again later."""
    try:
        return sync_pending()
    except SearchEngineUnavailable as error:
        waiting = waiting_count()
        logger.warning(
            "search engine still unavailable, %d page(s) waiting (attempt %d): %s",
            waiting,
            attempt,
            error,
        )
        if sync_search_engine.get_backend().supports_defer and attempt < len(RETRY_DELAYS):
            enqueue_retry(attempt + 1)
        return {"sent": 0, "waiting": waiting}
