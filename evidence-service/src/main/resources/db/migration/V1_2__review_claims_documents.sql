-- Claims, expert assessments and documents share the evidence row; their own fields:
alter table evidence add column satisfied boolean;
alter table evidence add column points numeric(8, 2);
alter table evidence add column comment text;
alter table evidence add column document_ids text;
alter table evidence add column file_name text;
alter table evidence add column media_type varchar(128);
alter table evidence add column size_bytes bigint;
alter table evidence add column sha256 char(64);
alter table evidence add column storage_key text;
-- lists are newest change first, filtered within a region
create index evidence_region_position on evidence (region, position desc);
create index evidence_region_indicator on evidence (region, indicator);

-- Idempotency-Key: the first response to a (caller, key), replayed for a retry of the same request.
create table idempotency_record (
    caller      varchar(256) not null,
    idem_key    varchar(200) not null,
    fingerprint char(64)     not null,
    status      integer,
    body        text,
    created_at  timestamptz  not null,
    primary key (caller, idem_key)
);

-- Shipped reference data sets loaded once per installation.
create table reference_data_load (
    name      varchar(64) primary key,
    rows      integer     not null,
    loaded_at timestamptz not null
);

-- Projection of the latest published catalogue: indicators, items, and which metrics each indicator reads.
create table indicator_definition (
    code       varchar(8) primary key,
    name       text,
    max_points numeric(8, 2) not null,
    rule_kind  varchar(32)   not null
);
create table item_definition (
    code           varchar(16) primary key,
    indicator_code varchar(8)  not null,
    points         numeric(8, 2),
    expert         boolean     not null
);
create table metric_use (
    metric    varchar(64) not null,
    indicator varchar(8)  not null,
    primary key (metric, indicator)
);

-- Task decomposition per region: the departments named as lead or responsible unit of each indicator.
create table decomposition_region (
    region      varchar(12) primary key,
    received_at timestamptz not null
);
create table decomposition_unit (
    region     varchar(12) not null,
    indicator  varchar(8)  not null,
    department varchar(64) not null,
    role       varchar(16) not null check (role in ('LEAD', 'RESPONSIBLE')),
    primary key (region, indicator, department, role)
);

-- The projection above is new: the catalogue events are read again from the start (a new consumer
-- group, see application.properties), so the ones consumed before must not be skipped as duplicates.
delete from consumed_event where event_type like 'cn.nmsdz.catalogue.%';
