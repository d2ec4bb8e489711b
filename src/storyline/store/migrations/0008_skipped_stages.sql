-- The stages that passed an article by, each with its reason (a JSON object, stage → reason):
-- "read": "no reader for de" for an article in a language no installed reader reads.
ALTER TABLE articles ADD COLUMN skipped TEXT NOT NULL DEFAULT '{}';
