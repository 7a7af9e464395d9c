-- Issue 12: a snapshot's cost must not grow with the history.
-- positionAt(seq) (select max(position) ... where seq <= ?) read the whole evidence_fact_version table; with this
-- index PostgreSQL reads it backwards from the highest position and stops at the first row with seq <= ?, which for
-- the worker (seq = the newest) is the first one.
create index evidence_fact_version_position on evidence_fact_version (position, seq);
-- the workers pick the longest-waiting marks first
create index snapshot_pending_marked_at on snapshot_pending (marked_at, region, year);
