-- Issue 12: a snapshot's body and summary are compressed by the scoring service (raw DEFLATE of their ASCII JSON text)
-- before the feed lock is taken, instead of by PostgreSQL (pglz) inside the insert that holds it: a national rescoring's
-- workers then store one after another in a fraction of the time, and a body takes ~6 KB instead of ~9 KB.
-- Stored as they come (storage external: compressing DEFLATE output again gains nothing). Snapshots stored before
-- keep their text columns and read as before.
alter table snapshot add column body_deflated bytea, add column summary_deflated bytea, alter column body drop not null;
alter table snapshot alter column body_deflated set storage external, alter column summary_deflated set storage external;
alter table snapshot add constraint snapshot_body_present check (body is not null or body_deflated is not null);
