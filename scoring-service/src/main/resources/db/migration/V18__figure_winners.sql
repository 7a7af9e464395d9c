-- Issue 12: the figures a new snapshot can count, kept by the projection as it applies evidence. Per region, metric,
-- year and subject: the newest accepted figure (what the confirmed basis counts) and the newest accepted or submitted
-- one (the projected basis), as the engine picks them. A snapshot reads these few rows of its window instead of
-- picking them out of every version of every figure its region-year holds, so its cost no longer grows with the
-- corrections, rejected and superseded figures a region collects. The versions stay the history recomputation reads.
create table figure_winner (
    region      varchar(12)    not null,
    metric      varchar(64)    not null,
    year        integer        not null,
    subject     varchar(64),
    basis       varchar(10)    not null check (basis in ('CONFIRMED', 'PROJECTED')),
    evidence_id varchar(64)    not null,
    position    bigint         not null,
    state       varchar(16)    not null,
    value       numeric(24, 6) not null,
    -- a region-wide figure (no subject) is one key, as in the engine
    constraint figure_winner_key unique nulls not distinct (region, year, metric, subject, basis)
);

-- What refreshing one key reads: the current figures of that key, newest first.
create index evidence_fact_figure on evidence_fact (region, metric, year, subject, position desc)
    where kind = 'OBSERVATION';
-- What a snapshot reads besides the winners: the region's (and the nation's) judgements of its years.
create index evidence_fact_judgement on evidence_fact (region, year) where kind in ('CLAIM', 'ASSESSMENT');

insert into figure_winner (region, metric, year, subject, basis, evidence_id, position, state, value)
select distinct on (region, metric, year, subject) region, metric, year, subject, 'CONFIRMED', evidence_id, position,
       state, value
from evidence_fact
where kind = 'OBSERVATION' and metric is not null and year is not null and value is not null and state = 'ACCEPTED'
order by region, metric, year, subject, position desc;

insert into figure_winner (region, metric, year, subject, basis, evidence_id, position, state, value)
select distinct on (region, metric, year, subject) region, metric, year, subject, 'PROJECTED', evidence_id, position,
       state, value
from evidence_fact
where kind = 'OBSERVATION' and metric is not null and year is not null and value is not null
  and state in ('ACCEPTED', 'SUBMITTED')
order by region, metric, year, subject, position desc;
