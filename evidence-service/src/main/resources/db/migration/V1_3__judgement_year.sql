-- Claims and expert assessments belong to an assessment year (the year column, which observations use for their
-- statistical year). Those given before the year existed get, deterministically, the highest year of the region's
-- own figures received before the judgement's first version; 2025 when the region had none yet. scoring-service
-- migrates its projection with the same rule (V7__judgement_year.sql), so both name the same year.
update evidence j
set year = coalesce((select max(o.year)
                     from evidence o
                     join evidence_version ov on ov.evidence_id = o.id
                     where o.region = j.region and o.kind = 'OBSERVATION'
                       and ov.position < (select min(jv.position) from evidence_version jv where jv.evidence_id = j.id)),
                    2025)
where j.kind in ('CLAIM', 'ASSESSMENT') and j.year is null;
