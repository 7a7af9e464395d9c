-- Claims and expert assessments belong to an assessment year. Those projected before they carried one get the same
-- year as in evidence-service (V1_3__judgement_year.sql there): the highest year of the region's own figures received
-- before the judgement's first version, 2025 when there were none (LegacyJudgementYear applies it to old events).
with judgement as (
    select evidence_id, region, min(position) as first_position
    from evidence_fact_version
    where kind in ('CLAIM', 'ASSESSMENT') and year is null
    group by evidence_id, region
), assigned as (
    select j.evidence_id,
           coalesce((select max(o.year) from evidence_fact_version o
                     where o.region = j.region and o.kind = 'OBSERVATION' and o.position < j.first_position), 2025) as year
    from judgement j
)
update evidence_fact_version v set year = a.year from assigned a where v.evidence_id = a.evidence_id and v.year is null;

update evidence_fact f set year = v.year
from evidence_fact_version v
where f.evidence_id = v.evidence_id and f.kind in ('CLAIM', 'ASSESSMENT') and f.year is null and v.year is not null;

-- Every scored region-year is scored again: its judgements are now read for their own year only.
insert into snapshot_pending (region, year, marked_at)
select distinct region, year, now() from snapshot
on conflict (region, year) do nothing;
