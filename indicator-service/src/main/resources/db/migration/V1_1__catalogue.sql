-- Indicator systems are stored whole, as the JSON document that is their contract;
-- PUBLISHED versions are never changed (enforced by the service).
create table indicator_system (
    id           bigint generated always as identity primary key,
    code         varchar(32)  not null,
    version      integer      not null,
    status       varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    name         text         not null,
    document     text         not null,
    created_at   timestamptz  not null,
    published_at timestamptz,
    unique (code, version)
);

create table region (
    code        varchar(12)  primary key,
    name        text         not null,
    level       varchar(16)  not null check (level in ('NATION', 'PROVINCE', 'CITY', 'COUNTY')),
    parent_code varchar(12)  references region (code),
    zone        varchar(16)  check (zone in ('EAST', 'CENTRAL', 'WEST', 'NORTHEAST')),
    updated_at  timestamptz  not null
);
