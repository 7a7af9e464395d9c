-- Applications (申报) of a region for an assessment year, at most one per region and year (a returned one is submitted
-- again, with a new frozen snapshot). The snapshot is referenced, never copied or changed: snapshots are immutable.
create table application (
    id                uuid        primary key,
    region            varchar(12) not null,
    year              integer     not null,
    state             varchar(32) not null,
    snapshot_id       bigint      not null references snapshot (id),
    snapshot_number   bigint      not null,
    evidence_position bigint      not null,
    for_review_anyway boolean     not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    unique (region, year)
);

-- Every transition, kept: who decided at which level, why, when, and the snapshot the application stood on.
create table application_history (
    seq             bigint generated always as identity primary key,
    application_id  uuid         not null references application (id),
    from_state      varchar(32),
    to_state        varchar(32)  not null,
    level           varchar(16)  not null,
    decided_by      varchar(128) not null,
    deciding_region varchar(12)  not null,
    reason          text,
    snapshot_id     bigint       not null,
    snapshot_number bigint       not null,
    at              timestamptz  not null
);
create index application_history_application on application_history (application_id, seq);

-- The scoreboard shows the date of each region's latest evidence: the time evidence.events says it changed.
alter table evidence_fact add column changed_at timestamptz;
