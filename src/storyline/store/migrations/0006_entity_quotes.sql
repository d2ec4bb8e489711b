-- The quotes of each corpus entity (its chains as speakers), newest first without a scan:
-- filled when linking saves, so an entity page lists a person's quotes in milliseconds.
CREATE TABLE entity_quotes (
    entity_id TEXT NOT NULL,
    published TEXT,
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    PRIMARY KEY (article_rowid, seq)
) WITHOUT ROWID;
CREATE INDEX entity_quotes_entity ON entity_quotes(entity_id, published DESC);
