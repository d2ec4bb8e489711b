-- Incremental linking: the LSH band keys of each article's MinHash (so a new article finds
-- its near-duplicates without rehashing the corpus), and the per-story and per-event views
-- (timeline, summary, quote board, ...) computed when first asked for after a change.
CREATE TABLE minhash_bands (
    key INTEGER NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX minhash_bands_key ON minhash_bands(key);
CREATE INDEX minhash_bands_article ON minhash_bands(article_id);
CREATE TABLE views (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
