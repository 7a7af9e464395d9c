-- Issue 12: the latest snapshot of each region-year, kept as snapshots are stored. The pipeline monitor's stale check
-- (every 5 s) picked it out of every snapshot ever stored: 55-90 ms at 74,000 snapshots, growing with the history;
-- reading this table costs the number of region-years instead. Retention never deletes a region-year's latest snapshot.
-- The function names its table without a schema: "set search_path from current" binds it to this schema (V15).
create table snapshot_latest (
    region         varchar(12) not null,
    year           integer     not null,
    number         bigint      not null,
    projection_seq bigint,
    primary key (region, year)
);

insert into snapshot_latest (region, year, number, projection_seq)
select distinct on (region, year) region, year, number, projection_seq
from snapshot
order by region, year, number desc;

create function snapshot_latest_keep() returns trigger language plpgsql set search_path from current as $$
begin
    insert into snapshot_latest (region, year, number, projection_seq)
    values (new.region, new.year, new.number, new.projection_seq)
    on conflict (region, year) do update set number = excluded.number, projection_seq = excluded.projection_seq
    where snapshot_latest.number < excluded.number;
    return null;
end
$$;

create trigger snapshot_latest_keep after insert on snapshot for each row execute function snapshot_latest_keep();
