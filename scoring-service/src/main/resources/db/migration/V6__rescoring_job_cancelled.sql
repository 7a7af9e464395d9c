-- A job is cancelled when a later one for the same indicator system is planned (a newer version published,
-- or the version in force retired): its remaining regions are dropped, the new job starts at once.
alter table rescoring_job add column cancelled_at timestamptz;
