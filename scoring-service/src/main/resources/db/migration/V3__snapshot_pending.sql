-- Region-years whose evidence changed and that await a new snapshot. The consumer marks them in the
-- transaction of the event (so nothing is lost); a worker stores one snapshot per row, so a burst of
-- evidence for one region and year (a batch of 10,000 figures) becomes one snapshot, not 10,000.
create table snapshot_pending (
    region    varchar(12) not null,
    year      integer     not null,
    marks     bigint      not null default 1,
    marked_at timestamptz not null,
    primary key (region, year)
);
