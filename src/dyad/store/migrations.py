"""Numbered schema migrations of the store, recorded in ``schema_migrations``.

Each migration is a name and a tuple of SQL statements. ``apply_migrations`` runs the
ones not yet recorded, each in its own transaction. An applied migration is never
edited: a schema change is a new entry at the end of ``MIGRATIONS``.

Tables follow the record types of ``records.py`` (field names equal column names);
nested event fields (``date``, ``location``) are flattened to ``date_*`` and
``location_*`` columns, and a few derived columns (``event_day``, actor codes) serve the
analytics.
"""

from __future__ import annotations

import duckdb

_INITIAL = (
    """
    CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,
        url VARCHAR, title VARCHAR, published DATE, source VARCHAR,
        credits VARCHAR[], language VARCHAR, text VARCHAR,
        raw_text VARCHAR NOT NULL, raw_title VARCHAR, raw_published DATE,
        raw_source VARCHAR, raw_url VARCHAR, origin VARCHAR,
        content_hash VARCHAR NOT NULL,
        status VARCHAR NOT NULL,           -- pending, done, failed
        pipeline_version VARCHAR,
        ingested_at TIMESTAMPTZ NOT NULL,
        processed_at TIMESTAMPTZ
    )
    """,
    """
    CREATE TABLE sentences (
        article_id VARCHAR NOT NULL, "index" INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        PRIMARY KEY (article_id, "index")
    )
    """,
    """
    CREATE TABLE problems (
        article_id VARCHAR, origin VARCHAR, code VARCHAR NOT NULL,
        message VARCHAR NOT NULL, stage VARCHAR NOT NULL,
        start INTEGER, "end" INTEGER
    )
    """,
    """
    CREATE TABLE failures (
        article_id VARCHAR PRIMARY KEY, stage VARCHAR NOT NULL,
        error_type VARCHAR NOT NULL, message VARCHAR NOT NULL,
        traceback VARCHAR NOT NULL, failed_at TIMESTAMPTZ NOT NULL
    )
    """,
    """
    CREATE TABLE actors (
        article_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
        kind VARCHAR NOT NULL, code VARCHAR, sector VARCHAR, org VARCHAR,
        title VARCHAR, kb_id VARCHAR, confidence DOUBLE, coder VARCHAR,
        PRIMARY KEY (article_id, actor_id)
    )
    """,
    """
    CREATE TABLE mentions (
        article_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, text VARCHAR NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence_index INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE times (
        article_id VARCHAR NOT NULL, time_id VARCHAR NOT NULL, text VARCHAR NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence_index INTEGER NOT NULL,
        value VARCHAR, precision VARCHAR, anchor DATE, coder VARCHAR,
        PRIMARY KEY (article_id, time_id)
    )
    """,
    """
    CREATE TABLE events (
        article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, type VARCHAR NOT NULL,
        mode VARCHAR, cameo VARCHAR, quad INTEGER, intensity DOUBLE,
        actor_ids VARCHAR[], recipient_ids VARCHAR[],
        trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
        sentence_index INTEGER, modality VARCHAR NOT NULL, rule VARCHAR,
        confidence DOUBLE,
        date_value VARCHAR, date_precision VARCHAR, date_source VARCHAR,
        date_time_id VARCHAR,
        location_name VARCHAR, location_code VARCHAR,
        location_lat DOUBLE, location_lon DOUBLE,
        reported_by VARCHAR, coder VARCHAR,
        actor_codes VARCHAR[], recipient_codes VARCHAR[], event_day DATE,
        PRIMARY KEY (article_id, event_id)
    )
    """,
    """
    CREATE TABLE event_dyads (
        article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL,
        actor_code VARCHAR NOT NULL, recipient_code VARCHAR NOT NULL,
        reciprocal BOOLEAN NOT NULL
    )
    """,
    """
    CREATE TABLE quotes (
        article_id VARCHAR NOT NULL, quote_id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
        text VARCHAR NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        sentence_index INTEGER NOT NULL, speaker_id VARCHAR, speaker_text VARCHAR,
        cue VARCHAR, coder VARCHAR,
        PRIMARY KEY (article_id, quote_id)
    )
    """,
    """
    CREATE TABLE event_clusters (
        cluster_id VARCHAR PRIMARY KEY, type VARCHAR NOT NULL,
        actor_codes VARCHAR[] NOT NULL, recipient_codes VARCHAR[] NOT NULL,
        anchor_day DATE NOT NULL, first_day DATE, last_day DATE,
        location_code VARCHAR, n_articles INTEGER, n_sources INTEGER,
        n_mentions INTEGER, first_seen DATE, last_seen DATE
    )
    """,
    """
    CREATE TABLE event_cluster_members (
        cluster_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        PRIMARY KEY (article_id, event_id)
    )
    """,
    "CREATE INDEX events_day ON events (event_day)",
    "CREATE INDEX dyads_pair ON event_dyads (actor_code, recipient_code)",
    "CREATE INDEX problems_article ON problems (article_id)",
    "CREATE INDEX mentions_article ON mentions (article_id)",
    "CREATE INDEX dyads_article ON event_dyads (article_id)",
)

# The position of each record in its article's output, so reads give the same order.
_RECORD_ORDER = tuple(
    f"ALTER TABLE {table} ADD COLUMN seq INTEGER"
    for table in ("actors", "mentions", "times", "events", "quotes")
)

# #12: the text fingerprint and MinHash signature of each article's raw text, the band
# keys that find near copies, and the report (copy group) each article belongs to.
_ARTICLE_COPIES = (
    """
    CREATE TABLE article_fingerprints (
        article_id VARCHAR PRIMARY KEY, fingerprint VARCHAR NOT NULL,
        signature UINTEGER[] NOT NULL, report_id VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE article_bands (
        article_id VARCHAR NOT NULL, band_key BIGINT NOT NULL
    )
    """,
    "CREATE INDEX fingerprints_text ON article_fingerprints (fingerprint)",
    "CREATE INDEX bands_key ON article_bands (band_key)",
    "CREATE INDEX bands_article ON article_bands (article_id)",
)

# #14: the lake partitions whose rows the store holds, so a re-run loads nothing twice.
_LAKE_PARTITIONS = (
    """
    CREATE TABLE lake_partitions (
        partition_id VARCHAR PRIMARY KEY, lake VARCHAR NOT NULL,
        articles INTEGER NOT NULL,
        read_problems_loaded BOOLEAN NOT NULL,  -- problems of its files (article_id null)
        loaded_at TIMESTAMPTZ NOT NULL
    )
    """,
)

MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("0001_initial", _INITIAL),
    ("0002_record_order", _RECORD_ORDER),
    ("0003_article_copies", _ARTICLE_COPIES),
    ("0004_lake_partitions", _LAKE_PARTITIONS),
)

_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
)
"""


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    """Return the migration numbers recorded in ``schema_migrations``."""
    con.execute(_LEDGER)
    return {
        row[0]
        for row in con.execute("SELECT version FROM schema_migrations").fetchall()
    }


def apply_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Run the migrations not yet applied, in order; return the names applied now."""
    done = applied_versions(con)
    applied = []
    for number, (name, statements) in enumerate(MIGRATIONS, start=1):
        if number in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                [number, name],
            )
        except duckdb.Error:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        applied.append(name)
    return applied


def latest_version() -> int:
    """Return the number of the newest migration."""
    return len(MIGRATIONS)
