"""The generation of public content: one number every process reads from the database."""

from django.db import models

from core.page_cache import GENERATION_TABLE


class PublicContentGeneration(models.Model):
    """One row, given a new random value in the same transaction as any change to what the
    public can see (a publish, unpublish, move, delete, privacy or Site change).

    The anonymous page cache and the values each process keeps for a generation (routing,
    view restrictions, listings) key on it. It lives in the database rather than in a cache
    because the database is the one thing every process of every configuration shares: a
    worker, cron's `publish_scheduled` and an operator's shell all see the change as soon as
    it commits, and a change that rolls back never moves it.
    """

    value = models.PositiveBigIntegerField(default=1)

    class Meta:
        db_table = GENERATION_TABLE

    def __str__(self):
        return f"generation {self.value}"
