-- A retired version stays for recomputing the snapshots that name it, but regions are no longer scored
-- against it: the system in force is the highest version still published.
alter table catalogue_system add column retired boolean not null default false;
