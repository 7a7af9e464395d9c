-- Issue 12: each snapshot's summary form (its body without the 41 indicator scores, ~3 KB of ~100 KB) stored beside
-- the body, so the pull feed's view=summary reads a small row instead of reading and filtering every full body.
-- Snapshots stored before have none; the feed filters their body as before.
alter table snapshot add column summary text;
