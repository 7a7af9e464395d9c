-- Local projection of the catalogue and of evidence (built from events), and score snapshots.
create table catalogue_system (
    code        varchar(32) not null,
    version     integer     not null,
    document    text        not null,
    received_at timestamptz not null,
    primary key (code, version)
);

create table scoring_region (
    code        varchar(12) primary key,
    name        text        not null,
    level       varchar(16) not null,
    parent_code varchar(12),
    zone        varchar(16)
);

-- The latest state of each piece of evidence (older versions are superseded by position).
create table evidence_fact (
    evidence_id varchar(64)  primary key,
    version     integer      not null,
    position    bigint       not null,
    kind        varchar(16)  not null,
    state       varchar(16)  not null,
    region      varchar(12)  not null,
    indicator   varchar(8),
    item        varchar(16),
    department  varchar(64),
    submitted_by varchar(128),
    metric      varchar(64),
    year        integer,
    value       numeric(24, 6),
    subject     varchar(64),
    satisfied   boolean,
    points      numeric(10, 2)
);
create index evidence_fact_region on evidence_fact (region);

-- Immutable snapshots, numbered per region; id is the creation order of the provincial pull feed.
create table snapshot (
    id                bigint generated always as identity primary key,
    region            varchar(12)  not null,
    year              integer      not null,
    number            bigint       not null,
    system_code       varchar(32)  not null,
    system_version    integer      not null,
    evidence_position bigint       not null,
    confirmed_total   numeric(6, 2) not null,
    projected_total   numeric(6, 2) not null,
    confirmed_passed  boolean      not null,
    projected_passed  boolean      not null,
    body              text         not null,
    created_at        timestamptz  not null,
    unique (region, number)
);
create index snapshot_region_year on snapshot (region, year, number desc);
