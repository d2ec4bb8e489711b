-- Mark the file as a Storyline corpus: SQLite's application_id, "STLN" in ASCII (0x53544C4E).
-- A corpus made before this gets it here; a new corpus gets it with the other migrations.
-- Opening a file checks it (store/database.py): an SQLite file of another application is
-- refused and left untouched.
PRAGMA application_id = 1398033486;
