"""Engine-specific parts of the search index, created by migration and by a full rebuild.

SQLite: FTS5 tables over search_searchdocument (external content, so the text is stored
once), kept in step by triggers. PostgreSQL: a stored, weighted tsvector generated from the
same columns, with a GIN index, and a small one over the title, summary and meta only (the
matches that rank first); nothing to keep in step by hand.
"""

SQLITE_TOKENIZER = "porter unicode61 remove_diacritics 2"

SQLITE_TABLES = [
    # Columns in bm25 weight order: title, summary, body, meta (tags, organisations, areas).
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        title, summary, body, meta,
        content='search_searchdocument', content_rowid='page_id',
        tokenize='{SQLITE_TOKENIZER}'
    )""",
    # Titles without stemming, with prefix indexes: autocomplete and "did you mean".
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_title_fts USING fts5(
        title,
        content='search_searchdocument', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
    )""",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_title_vocab USING fts5vocab(search_title_fts, 'row')",
]

SQLITE_TRIGGERS = [
    """CREATE TRIGGER IF NOT EXISTS search_doc_ai AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title, summary, body, meta)
            VALUES (new.page_id, new.title, new.summary, new.body, new.meta);
        INSERT INTO search_title_fts(rowid, title) VALUES (new.page_id, new.title);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_doc_ad AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, body, meta)
            VALUES ('delete', old.page_id, old.title, old.summary, old.body, old.meta);
        INSERT INTO search_title_fts(search_title_fts, rowid, title)
            VALUES ('delete', old.page_id, old.title);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_doc_au AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, body, meta)
            VALUES ('delete', old.page_id, old.title, old.summary, old.body, old.meta);
        INSERT INTO search_title_fts(search_title_fts, rowid, title)
            VALUES ('delete', old.page_id, old.title);
        INSERT INTO search_fts(rowid, title, summary, body, meta)
            VALUES (new.page_id, new.title, new.summary, new.body, new.meta);
        INSERT INTO search_title_fts(rowid, title) VALUES (new.page_id, new.title);
    END""",
]

SQLITE_TRIGGER_NAMES = ["search_doc_ai", "search_doc_ad", "search_doc_au"]

SQLITE_DROP = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGER_NAMES),
    "DROP TABLE IF EXISTS search_title_vocab",
    "DROP TABLE IF EXISTS search_title_fts",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRES_CREATE = [
    """ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('english'::regconfig,
                         coalesce(summary, '') || ' ' || coalesce(meta, '')), 'B')
            || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')
        ) STORED""",
    # The title, summary and meta part of search_vector (the same weights and positions), a
    # few hundred bytes stored in the row where search_vector is mostly TOASTed: a search
    # ranks the pages that match here first, without detoasting (search/backends/postgres.py).
    """ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS head_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('english'::regconfig,
                         coalesce(summary, '') || ' ' || coalesce(meta, '')), 'B')
        ) STORED""",
    """ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS title_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(title, ''))) STORED""",
    """CREATE INDEX IF NOT EXISTS search_doc_vector_gin
        ON search_searchdocument USING gin (search_vector)""",
    """CREATE INDEX IF NOT EXISTS search_doc_head_gin
        ON search_searchdocument USING gin (head_vector)""",
    """CREATE INDEX IF NOT EXISTS search_doc_title_gin
        ON search_searchdocument USING gin (title_vector)""",
]

POSTGRES_GIN_INDEXES = ["search_doc_vector_gin", "search_doc_head_gin", "search_doc_title_gin"]

POSTGRES_HEAD_DROP = [
    "DROP INDEX IF EXISTS search_doc_head_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS head_vector",
]

POSTGRES_DROP = [
    *POSTGRES_HEAD_DROP,
    "DROP INDEX IF EXISTS search_doc_title_gin",
    "DROP INDEX IF EXISTS search_doc_vector_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS title_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def _run(schema_editor_or_cursor, statements) -> None:
    for statement in statements:
        schema_editor_or_cursor.execute(statement)


def create_engine_schema(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, [*SQLITE_TABLES, *SQLITE_TRIGGERS])
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRES_CREATE)


def drop_head_vector(schema_editor) -> None:
    """Undo migration 0004 (PostgreSQL's head_vector); the rest of the engine schema stays."""
    if schema_editor.connection.vendor == "postgresql":
        _run(schema_editor, POSTGRES_HEAD_DROP)


def drop_engine_schema(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_DROP)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRES_DROP)
