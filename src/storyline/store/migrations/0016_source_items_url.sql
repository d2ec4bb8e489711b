-- Items are found by URL too: a page another item already brought (another source lists it,
-- or a feed gave it a new guid) is not fetched again.
CREATE INDEX source_items_url ON source_items(url);
