-- What was wrong with a source's listing when it was last read (a feed with an unclosed tag,
-- say): the parse error and how many items were recovered from it all the same. NULL once
-- the listing reads clean. Shown by `storyline sources list`; not an error of the poll.
ALTER TABLE sources ADD COLUMN damage TEXT;
