-- One work queue (issue 11): a rescoring job no longer has a table of region tasks worked off by workers of its own;
-- it marks the region-years it rescores in snapshot_pending, naming itself, and the snapshot workers count each one
-- done for it when its snapshot is stored. A job's total and done now count region-years.
alter table snapshot_pending add column rescoring_job bigint;
create index snapshot_pending_rescoring_job on snapshot_pending (rescoring_job) where rescoring_job is not null;

-- Regions still queued by an unfinished job: every year they are scored for is marked for that job (the years of
-- their snapshots; a region without one yet gets the years its evidence is read by, as the job would score it).
with queued as (select t.job_id, t.region from rescoring_task t),
     years as (select q.job_id, q.region, s.year from queued q join snapshot s on s.region = q.region
               union select q.job_id, q.region, f.year from queued q join evidence_fact f on f.region = q.region
               where f.year is not null and f.kind <> 'DOCUMENT')
insert into snapshot_pending (region, year, marked_at, rescoring_job)
select distinct on (region, year) region, year, now(), job_id from years order by region, year, job_id desc
on conflict (region, year) do update set marks = snapshot_pending.marks + 1, rescoring_job = excluded.rescoring_job;

update rescoring_job j set total = j.done + (select count(*) from snapshot_pending p where p.rescoring_job = j.id)
where j.finished_at is null;

drop table rescoring_task;
