-- What linking found across articles: corpus entities and which article chains they hold,
-- near-duplicates and wire copies, events and their articles, and a log of what changed.
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE entity_chains (
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    chain TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (article_rowid, chain)
) WITHOUT ROWID;
CREATE INDEX entity_chains_entity ON entity_chains(entity_id);

CREATE TABLE duplicates (
    article_id TEXT PRIMARY KEY,
    duplicate_of TEXT NOT NULL,
    similarity REAL NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX duplicates_of ON duplicates(duplicate_of);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    title TEXT,
    date TEXT,
    data TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE event_articles (
    article_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    score REAL
);
CREATE INDEX event_articles_event ON event_articles(event_id);

CREATE TABLE link_log (
    id INTEGER PRIMARY KEY,
    run_id INTEGER,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL
);
