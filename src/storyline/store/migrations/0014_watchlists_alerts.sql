-- What a user watches (an entity by name, a query, an outlet, a story) and the alerts each
-- round raised, each citing its articles; an alert is raised once (its key).
CREATE TABLE watches (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    added_at TEXT NOT NULL,
    UNIQUE (kind, value)
);
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    watch_id INTEGER REFERENCES watches(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX alerts_at ON alerts(at);
