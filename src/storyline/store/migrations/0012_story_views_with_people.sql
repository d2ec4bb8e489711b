-- Story views gained key people, and events their lede (the stories list shows it): views
-- computed before are dropped, to be computed again when first asked for (or by the next
-- run's budget).
DELETE FROM views WHERE kind = 'story';
