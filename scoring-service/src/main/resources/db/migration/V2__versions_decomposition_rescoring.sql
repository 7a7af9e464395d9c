-- Every version of every piece of evidence in the order the projection received it (seq), so that a
-- snapshot can be recomputed exactly "as of" the projection sequence it names.
create table evidence_fact_version (
    seq          bigint generated always as identity primary key,
    evidence_id  varchar(64)  not null,
    version      integer      not null,
    position     bigint       not null,
    kind         varchar(16)  not null,
    state        varchar(16)  not null,
    region       varchar(12)  not null,
    indicator    varchar(8),
    item         varchar(16),
    department   varchar(64),
    submitted_by varchar(128),
    metric       varchar(64),
    year         integer,
    value        numeric(24, 6),
    subject      varchar(64),
    satisfied    boolean,
    points       numeric(10, 2),
    unique (evidence_id, position)
);
create index evidence_fact_version_region on evidence_fact_version (region, seq);

-- Evidence projected before this table existed: only its latest version is known.
insert into evidence_fact_version (evidence_id, version, position, kind, state, region, indicator, item, department,
                                   submitted_by, metric, year, value, subject, satisfied, points)
select evidence_id, version, position, kind, state, region, indicator, item, department,
       submitted_by, metric, year, value, subject, satisfied, points
from evidence_fact order by position;

-- The projection sequence a snapshot was computed from (null for snapshots older than this migration).
alter table snapshot add column projection_seq bigint;

-- Task decomposition per region (catalogue.events "decomposition changed"): who owns each indicator.
create table decomposition_department (
    region varchar(12) not null,
    code   varchar(64) not null,
    name   text        not null,
    kind   varchar(32),
    primary key (region, code)
);

create table decomposition_entry (
    region            varchar(12) not null,
    indicator         varchar(8)  not null,
    tasks             text        not null,
    lead_units        text        not null,
    responsible_units text        not null,
    primary key (region, indicator)
);

-- Rescoring of every region after a new catalogue version, one region per transaction, with progress.
create table rescoring_job (
    id             bigint generated always as identity primary key,
    system_code    varchar(32) not null,
    system_version integer     not null,
    total          integer     not null,
    done           integer     not null default 0,
    created_at     timestamptz not null,
    finished_at    timestamptz
);

create table rescoring_task (
    job_id bigint      not null references rescoring_job (id),
    region varchar(12) not null,
    primary key (job_id, region)
);
