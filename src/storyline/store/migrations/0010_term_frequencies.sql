-- How many clustered articles hold each term of each text block of the event model
-- (link/event_model.py); the row with block '' and term '' counts the articles. An
-- incremental link weighs terms as the whole corpus would, not as its pool of recent
-- articles would, so events linked as articles arrive agree with events linked at once.
CREATE TABLE term_frequencies (
    block TEXT NOT NULL,
    term TEXT NOT NULL,
    df INTEGER NOT NULL,
    PRIMARY KEY (block, term)
) WITHOUT ROWID;
