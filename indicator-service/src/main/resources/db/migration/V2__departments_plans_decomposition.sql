-- Departments, creation plans and the task decomposition of a region (SPEC §2).
-- Lists of department codes or task numbers are JSON arrays in text columns: they are read and
-- written whole with their row and never queried element by element.
create table department (
    code        varchar(64)  primary key,
    region_code varchar(12)  not null references region (code),
    name        text         not null,
    aliases     text         not null default '[]',
    kind        varchar(32)  not null check (kind in ('GOVERNMENT_DEPARTMENT', 'PARTY_OFFICE', 'COLLECTIVE', 'OTHER')),
    members     text         not null default '[]',
    position    integer      not null,
    updated_at  timestamptz  not null
);
create index department_region on department (region_code, position);

-- One creation plan per region (the seeds' 总体方案 / 实施意见), with its source document.
create table creation_plan (
    region_code     varchar(12) primary key references region (code),
    title           text        not null,
    document_number text,
    issuer          text,
    issued_on       date,
    kind            varchar(32),
    -- the leadership group (平陆县 附件1) as {title, members[], office}; null when the plan has none
    leadership      text,
    updated_at      timestamptz not null
);

-- The numbered work tasks (TASK) and implementation measures (MEASURE) of a plan.
create table plan_task (
    region_code       varchar(12) not null references creation_plan (region_code),
    kind              varchar(8)  not null check (kind in ('TASK', 'MEASURE')),
    number            integer     not null,
    section           text        not null,
    heading           text,
    title             text        not null,
    text              text        not null,
    lead_units        text        not null default '[]',
    responsible_units text        not null default '[]',
    primary key (region_code, kind, number)
);

-- Per region and indicator: linked plan tasks and measures, lead units, responsible units.
create table decomposition_entry (
    region_code       varchar(12) not null references region (code),
    indicator         varchar(8)  not null,
    tasks             text        not null default '[]',
    measures          text        not null default '[]',
    lead_units        text        not null default '[]',
    responsible_units text        not null default '[]',
    updated_at        timestamptz not null,
    primary key (region_code, indicator)
);
