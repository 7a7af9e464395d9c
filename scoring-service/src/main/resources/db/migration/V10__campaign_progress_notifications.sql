-- Issue #13: the creation campaign as catalogue.events carries it (campaign-changed, whole per region), the last
-- evidence activity per department, notifications (inbox per user) and webhooks (subscriptions, a durable delivery
-- queue in the outbox style, and the log of every attempt).
create table campaign_projection (
    region      varchar(12) primary key,
    data        text        not null,
    received_at timestamptz not null
);

create table department_activity (
    region     varchar(12) not null,
    department varchar(64) not null,
    last_at    timestamptz not null,
    primary key (region, department)
);

-- one row per thing that happened; dedupe_key makes a redelivered event or a second reminder run the same day a no-op
create table campaign_event (
    id         varchar(64)  primary key,
    dedupe_key text         not null unique,
    region     varchar(12)  not null,
    type       varchar(128) not null,
    subject    text,
    message    text         not null,
    body       text         not null,
    created_at timestamptz  not null
);
create index campaign_event_region on campaign_event (region, created_at);

-- who an event is for: a department of the region, or a role in the region (creation-office, evidence-reviewer, expert)
create table notification (
    id             bigint generated always as identity primary key,
    event_id       varchar(64) not null references campaign_event (id),
    region         varchar(12) not null,
    recipient_kind varchar(16) not null check (recipient_kind in ('DEPARTMENT', 'ROLE')),
    recipient      varchar(64) not null,
    created_at     timestamptz not null,
    unique (event_id, recipient_kind, recipient)
);
create index notification_recipient on notification (region, recipient_kind, recipient, id);

create table notification_read (
    notification_id bigint       not null references notification (id),
    username        varchar(128) not null,
    read_at         timestamptz  not null,
    primary key (notification_id, username)
);

create table webhook_subscription (
    id          varchar(64)  primary key,
    url         text         not null,
    event_types text         not null,
    region      varchar(12),
    secret      text         not null,
    created_by  varchar(128) not null,
    created_at  timestamptz  not null
);

create table webhook_delivery (
    id              bigint generated always as identity primary key,
    subscription_id varchar(64) not null references webhook_subscription (id),
    event_id        varchar(64) not null references campaign_event (id),
    state           varchar(16) not null check (state in ('PENDING', 'DELIVERED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    delivered_at    timestamptz,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'PENDING';

create table webhook_attempt (
    id          bigint generated always as identity primary key,
    delivery_id bigint      not null references webhook_delivery (id),
    at          timestamptz not null,
    status      integer,
    error       text,
    duration_ms bigint      not null
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
