-- Stories: chains of related events over time.
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    first_date TEXT,
    data TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE story_events (
    event_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL
);
