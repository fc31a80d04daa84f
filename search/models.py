"""The project-owned search index: one row per live public content page, plus its facets.

The engine-specific parts (the SQLite FTS5 tables and triggers, the PostgreSQL weighted
tsvector and its GIN index) are created by migration 0002 from search/schema.py.
"""

import secrets

from django.db import connection, models

from wagtail.models import Page


class SearchDocument(models.Model):
    """What search knows about one page; enough to show a result without loading the page."""

    page = models.OneToOneField(
        Page, primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    content_type = models.CharField(max_length=40, db_index=True)
    content_type_label = models.CharField(max_length=60)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # Tags, organisation names and service areas: searchable, ranked like the summary.
    meta = models.TextField(blank=True)
    url = models.CharField(max_length=1000)
    date = models.DateField(null=True, db_index=True)
    year = models.PositiveSmallIntegerField(null=True)
    reuse_count = models.PositiveIntegerField(default=0)
    # When the page was last checked: its review date, or else its publication date. Sorts
    # "Recently reviewed" and puts "Needs review" on cards (core.models.base.needs_review).
    checked_on = models.DateField(null=True)
    # When the thing happens, for a type that has a time (an event's start): What's on
    # sorts by it (BasePage.listing_starts_at).
    starts_at = models.DateTimeField(null=True)
    # A word a card shows beside the type, such as a pattern's maturity (listing_status).
    status_label = models.CharField(max_length=60, blank=True)
    # What a result shows: [{"name", "slug"}] lists, so a hit needs no further query.
    organisations = models.JSONField(default=list)
    tags = models.JSONField(default=list)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["-date", "-page"], name="search_doc_newest")]

    def __str__(self):
        return self.title


class SearchFacetValue(models.Model):
    """One value of one facet ("tag" / "housing-repairs"), with the label readers see."""

    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=255)
    label = models.CharField(max_length=255)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["facet", "value"], name="search_facet_value_unique")
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class SearchDocumentFacet(models.Model):
    """Which facet values a document has; integer pairs so counting a match set is cheap."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, db_column="page_id", db_index=False
    )
    value = models.ForeignKey(SearchFacetValue, on_delete=models.CASCADE, db_index=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "value"], name="search_doc_facet_unique")
        ]
        indexes = [models.Index(fields=["value", "document"], name="search_facet_by_value")]

    def __str__(self):
        return f"{self.document_id}: {self.value_id}"


class ZeroResultQuery(models.Model):
    """Queries that found nothing, counted, so editors can add content or promotions."""

    query_string = models.CharField(max_length=255, unique=True)
    hits = models.PositiveIntegerField(default=0)
    first_seen = models.DateTimeField(auto_now_add=True)
    last_seen = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["-hits"]

    def __str__(self):
        return self.query_string


class SearchIndexState(models.Model):
    """One row: a number bumped in the same transaction as every index write.

    Caches of facet maps, vocabulary and browse facets key on it, so every process (not just
    the one that published) sees a change at once.
    """

    generation = models.PositiveBigIntegerField(default=1)

    def __str__(self):
        return f"generation {self.generation}"


def index_generation() -> int:
    """Bumped on every index write; caches of facets and vocabulary key on it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT generation FROM search_searchindexstate WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


def bump_generation() -> None:
    """A new random generation (not +1), so a rolled-back write can never reuse a number."""
    generation = secrets.randbits(62) + 1
    if not SearchIndexState.objects.filter(pk=1).update(generation=generation):
        SearchIndexState.objects.update_or_create(pk=1, defaults={"generation": generation})


class PendingEngineWrite(models.Model):
    """A page whose change the search engine (SEARCH_URL) has not taken yet.

    Written in the same transaction as the database index change whenever the engine could
    not be reached, so the change is never lost: `search.engine_sync.sync_pending()` sends
    the page's current document (or its removal) once the engine answers, from a task and
    from `manage.py sync_search_engine`. `token` changes on every new write, so a sync that
    read an older write never clears a newer one.
    """

    page_id = models.BigIntegerField(primary_key=True)
    token = models.BigIntegerField()
    queued_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"page {self.page_id} waits for the search engine"
