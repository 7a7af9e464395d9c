-- Transactional outbox (published by the relay) and consumed-event log (idempotent consumers).
create table outbox_event (
    id          bigint generated always as identity primary key,
    event_id    varchar(64)  not null unique,
    topic       varchar(128) not null,
    message_key varchar(64)  not null,
    event_type  varchar(128) not null,
    payload     text         not null,
    created_at  timestamptz  not null,
    sent_at     timestamptz,
    attempts    integer      not null default 0
);
create index outbox_event_unsent on outbox_event (id) where sent_at is null;

create table consumed_event (
    event_id    varchar(64)  primary key,
    event_type  varchar(128) not null,
    consumed_at timestamptz  not null
);
