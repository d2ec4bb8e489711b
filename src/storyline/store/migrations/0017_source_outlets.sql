-- The outlet a user gave for a followed source (`storyline sources add --outlet NAME`): every
-- article of that source is credited to it (basis "given"); NULL: the articles say.
ALTER TABLE sources ADD COLUMN outlet TEXT;
