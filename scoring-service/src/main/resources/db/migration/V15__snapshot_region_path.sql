-- Issue 12: the provincial pull feed finds "this region and every region below it" by a prefix of a stored path
-- instead of loading every region. A region's path lists the codes from the top of what the projection knows down to
-- it, each followed by '/', e.g. '/CN/140000/140800/140829/'; "under 140800" is then a range of one index (collation
-- "C": byte order, so [path, path with its last '/' raised to '0') holds exactly the paths that start with it).
-- Both paths are kept by the database itself from the region projection, so whatever writes regions or snapshots
-- keeps them true: a region's insert or move recomputes its subtree and the snapshots of the regions that moved.

alter table scoring_region add column path text collate "C";
alter table snapshot add column region_path text collate "C";

-- The path of a region as the projection knows its ancestors now; an unknown parent is the path's top.
-- The functions name their tables without a schema: "set search_path from current" binds them to this schema (the
-- one Flyway migrates), so they find them whoever writes (a bench's psql as well as the service).
create function scoring_region_paths(root varchar) returns void language sql set search_path from current as $$
    with recursive tree(code, path, depth) as (
        select r.code,
               coalesce((select p.path from scoring_region p where p.code = r.parent_code),
                        case when r.parent_code is null then '/' else '/' || r.parent_code || '/' end) || r.code || '/',
               0
        from scoring_region r where r.code = root
        union all
        select c.code, t.path || c.code || '/', t.depth + 1
        from scoring_region c join tree t on c.parent_code = t.code
        where t.depth < 10
    ), moved as (
        update scoring_region r set path = t.path collate "C" from tree t
        where r.code = t.code and r.path is distinct from t.path collate "C"
        returning r.code, r.path
    )
    update snapshot s set region_path = m.path from moved m where s.region = m.code;
$$;

create function scoring_region_path_changed() returns trigger language plpgsql set search_path from current as $$
begin
    perform scoring_region_paths(new.code);
    return null;
end $$;

create trigger scoring_region_path after insert or update of code, parent_code on scoring_region
    for each row execute function scoring_region_path_changed();

create function snapshot_region_path() returns trigger language plpgsql set search_path from current as $$
begin
    new.region_path := coalesce((select r.path from scoring_region r where r.code = new.region), '/' || new.region || '/');
    return new;
end $$;

create trigger snapshot_region_path before insert on snapshot
    for each row execute function snapshot_region_path();

-- the regions and snapshots already there: every top of the projection's trees, then the snapshots of unknown regions
select scoring_region_paths(r.code) from scoring_region r
    where r.parent_code is null or not exists (select 1 from scoring_region p where p.code = r.parent_code);
update snapshot set region_path = '/' || region || '/' where region_path is null;

alter table snapshot alter column region_path set not null;
create index snapshot_region_path on snapshot (region_path, id);
