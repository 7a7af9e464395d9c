-- Evidence is never overwritten: the row holds the current state, evidence_version every state it had.
create sequence evidence_position_seq;

create table evidence (
    id           uuid         primary key,
    kind         varchar(16)  not null check (kind in ('OBSERVATION', 'DOCUMENT', 'CLAIM', 'ASSESSMENT')),
    state        varchar(16)  not null check (state in ('SUBMITTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')),
    version      integer      not null,
    position     bigint       not null,
    region       varchar(12)  not null,
    indicator    varchar(8),
    item         varchar(16),
    department   varchar(64),
    submitted_by varchar(128) not null,
    metric       varchar(64),
    year         integer,
    value        numeric(24, 6),
    subject      varchar(64),
    source       text,
    reason       text,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);
create index evidence_region_created on evidence (region, created_at desc);

create table evidence_version (
    evidence_id uuid         not null references evidence (id),
    version     integer      not null,
    state       varchar(16)  not null,
    position    bigint       not null,
    changed_by  varchar(128) not null,
    changed_at  timestamptz  not null,
    snapshot    text         not null,
    primary key (evidence_id, version)
);

-- Projection of the catalogue: what may be submitted.
create table metric_definition (
    code             varchar(64) primary key,
    name             text        not null,
    unit             text,
    kind             varchar(8)  not null,
    min_value        numeric(24, 6),
    max_value        numeric(24, 6),
    subject_required boolean     not null
);

create table known_region (
    code        varchar(12) primary key,
    name        text        not null,
    parent_code varchar(12)
);
