-- entity_quotes rebuilt with its key columns first: SQLite 3.40 (the version Python 3.11
-- ships) misreads a WITHOUT ROWID table whose NOT NULL non-key column comes before its key
-- columns, and PRAGMA integrity_check then reports "NULL value in entity_quotes.entity_id"
-- for every row although the data is fine.
CREATE TABLE entity_quotes_keyed (
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    published TEXT,
    PRIMARY KEY (article_rowid, seq)
) WITHOUT ROWID;
INSERT INTO entity_quotes_keyed (article_rowid, seq, entity_id, published)
    SELECT article_rowid, seq, entity_id, published FROM entity_quotes;
DROP TABLE entity_quotes;
ALTER TABLE entity_quotes_keyed RENAME TO entity_quotes;
CREATE INDEX entity_quotes_entity ON entity_quotes(entity_id, published DESC);
