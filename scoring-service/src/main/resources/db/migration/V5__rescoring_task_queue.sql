-- Tasks are taken oldest first; a task that fails is queued again behind the others, so one region
-- that cannot be rescored does not hold up the rest of the job.
alter table rescoring_task add column queued_at timestamptz not null default now();
