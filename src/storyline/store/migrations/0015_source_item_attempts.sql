-- An item whose fetch failed in a way that may pass (a time-out, a server error, a robots.txt
-- that could not be read) is in state 'retry' and fetched again by the next rounds, until it
-- has been tried ``attempts`` = MAX_ATTEMPTS times; then it is 'failed' like any other.
ALTER TABLE source_items ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
