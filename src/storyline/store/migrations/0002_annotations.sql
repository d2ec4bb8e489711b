-- What the read stage found in each article: entities, timexes, quotes, claims.
-- One row per annotation; `label` is what lists filter on (entity label, timex value,
-- quote speaker, claim unit); `data` holds the whole record as JSON.
CREATE TABLE annotations (
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    seq INTEGER NOT NULL,
    start INTEGER,
    "end" INTEGER,
    label TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (article_rowid, kind, seq)
) WITHOUT ROWID;
CREATE INDEX annotations_kind_label ON annotations(kind, label);
