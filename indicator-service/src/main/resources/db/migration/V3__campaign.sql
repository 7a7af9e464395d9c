-- The creation campaign a region's creation office runs (issue #13): stages with dates, due dates (时间节点),
-- responsible persons (责任人员) and stages per decomposition entry or item, the same plus targets per plan task,
-- liaisons (联络员) per department, and the append-only history of every change of organisation data.
create table campaign_stage (
    region_code varchar(12) not null references region (code),
    code        varchar(32) not null,
    name        text        not null,
    starts_on   date        not null,
    ends_on     date        not null,
    position    integer     not null,
    primary key (region_code, code)
);

-- item '' is the indicator itself; persons is a JSON array of {department, name, phone}
create table campaign_schedule (
    region_code varchar(12) not null references region (code),
    indicator   varchar(8)  not null,
    item        varchar(16) not null default '',
    due_date    date,
    stage       varchar(32),
    persons     text        not null default '[]',
    updated_at  timestamptz not null,
    primary key (region_code, indicator, item)
);

alter table plan_task add column due_date date;
alter table plan_task add column stage varchar(32);
alter table plan_task add column persons text not null default '[]';
alter table plan_task add column target_value numeric(24, 6);
alter table plan_task add column target_unit text;
alter table plan_task add column current_value numeric(24, 6);

-- JSON array of {name, phone, contact}
alter table department add column liaisons text not null default '[]';

-- Who changed which organisation data when, with the state before and after (JSON). Never updated or deleted.
create table organisation_change (
    id          bigint generated always as identity primary key,
    region_code varchar(12)  not null,
    changed_at  timestamptz  not null,
    actor       varchar(128) not null,
    subject     text         not null,
    before      text,
    after       text
);
create index organisation_change_region on organisation_change (region_code, id);

create function organisation_change_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'organisation_change is append-only';
end $$;
create trigger organisation_change_append_only before update or delete on organisation_change
    for each row execute function organisation_change_append_only();
