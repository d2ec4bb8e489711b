-- A story's size and last date as columns, so the stories list can rank by size and recency
-- without reading every story's JSON.
ALTER TABLE stories ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN last_date TEXT;
UPDATE stories SET articles = json_array_length(data, '$.article_ids'), last_date = json_extract(data, '$.last_date');
CREATE INDEX stories_by_size ON stories (articles DESC, id);
CREATE INDEX stories_by_last ON stories (last_date DESC, id);
