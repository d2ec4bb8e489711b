-- Sources a user follows (feeds, sitemaps, sites, folders) with their polling state, and
-- every item a source listed: fetched (kept in a WARC of the round), stored (ingested), or
-- failed with its reason. An item stored is never fetched again.
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    location TEXT NOT NULL UNIQUE,
    name TEXT,
    every_seconds INTEGER NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_polled TEXT,
    next_due REAL NOT NULL DEFAULT 0,
    polls INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    added_at TEXT NOT NULL
);
CREATE TABLE source_items (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    url TEXT,
    state TEXT NOT NULL,
    warc TEXT,
    seen_at TEXT NOT NULL,
    error TEXT,
    PRIMARY KEY (source_id, key)
) WITHOUT ROWID;
CREATE INDEX source_items_state ON source_items(state);
