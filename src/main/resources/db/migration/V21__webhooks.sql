-- Webhooks: a team's HTTP endpoints told of approval decisions and alias moves, with HMAC-signed POSTs.
create table webhook (
    id         bigserial primary key,
    team       varchar(64)   not null,
    url        varchar(2048) not null,
    -- The event names it receives, joined by commas (a handful of known names; see WebhookEvent).
    events     varchar(512)  not null,
    -- Kept as generated, not hashed: every delivery is signed with it, so the server must be able to read it.
    secret     varchar(128)  not null,
    created_by varchar(64)   not null,
    created_at timestamptz   not null
);
create index webhook_team on webhook (team, id);

-- The outbox: written in the transaction of the event itself, so a committed decision always has its deliveries
-- (and a rolled-back one none), even if the server dies before sending them.
create table webhook_delivery (
    id              bigserial primary key,
    webhook_id      bigint        not null references webhook (id) on delete cascade,
    event           varchar(64)   not null,
    payload         text          not null,
    state           varchar(16)   not null check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        int           not null default 0,
    -- When a sender may next take it; a sender taking it moves this past its own timeout (a lease).
    next_attempt_at timestamptz   not null,
    created_at      timestamptz   not null,
    finished_at     timestamptz
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'PENDING';
create index webhook_delivery_of_webhook on webhook_delivery (webhook_id, id);

create table webhook_attempt (
    id            bigserial primary key,
    delivery_id   bigint       not null references webhook_delivery (id) on delete cascade,
    number        int          not null,
    attempted_at  timestamptz  not null,
    -- The receiver's HTTP status, or null when no answer came (then error says why).
    status_code   int,
    error         varchar(500),
    duration_ms   bigint       not null,
    constraint webhook_attempt_once unique (delivery_id, number)
);
