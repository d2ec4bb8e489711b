-- Articles, what cleaning removed, rejected inputs, ingest runs, corpus line statistics,
-- and the full-text index.
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    path TEXT,
    url TEXT,
    part INTEGER NOT NULL DEFAULT 0,
    record INTEGER,
    format TEXT NOT NULL,
    outlet TEXT,
    outlet_basis TEXT,
    headline TEXT,
    dek TEXT,
    published TEXT,
    published_basis TEXT,
    byline TEXT,
    credits TEXT NOT NULL DEFAULT '[]',
    language TEXT,
    text TEXT NOT NULL,
    raw BLOB,
    hints TEXT NOT NULL DEFAULT '{}',
    stages TEXT NOT NULL DEFAULT '[]',
    run_id INTEGER,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE removed (
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    reason TEXT NOT NULL,
    stage TEXT NOT NULL,
    PRIMARY KEY (article_rowid, seq)
) WITHOUT ROWID;

CREATE TABLE rejects (
    id INTEGER PRIMARY KEY,
    run_id INTEGER,
    path TEXT,
    url TEXT,
    part INTEGER,
    record INTEGER,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT,
    at TEXT NOT NULL
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    inputs TEXT NOT NULL DEFAULT '[]',
    until_stage TEXT,
    stored INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE line_counts (
    key INTEGER PRIMARY KEY,
    articles INTEGER NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, text,
    content='articles', content_rowid='rowid',
    tokenize='porter unicode61 remove_diacritics 2'
);
