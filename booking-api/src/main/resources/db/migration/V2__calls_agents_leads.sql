-- Calls: Retell's webhooks, call sessions, the conversation log the gateway writes, leads, and agents.

-- The webhook inbox. A verified event is stored here before Retell gets its 2xx and processed afterwards, so a
-- crash between the two loses nothing. Not tenant-scoped: the clinic is only known after processing. An
-- identical redelivery (same bytes) is stored once.
create table retell_webhook_events (
    id              bigserial primary key,
    payload_sha256  text not null unique,
    event_type      text not null,
    call_id         text not null,
    payload         jsonb not null,
    received_at     timestamptz not null default now(),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    processed_at    timestamptz,
    organization_id bigint references organizations (id) on delete set null,
    last_error      text
);
create index retell_webhook_events_due on retell_webhook_events (next_attempt_at) where processed_at is null;
create index retell_webhook_events_by_call on retell_webhook_events (call_id);

-- One row per Retell call of a clinic, merged from every event received for it (and from our own outbound
-- and web call requests).
create table retell_call_sessions (
    id                    bigserial primary key,
    organization_id       bigint not null references organizations (id) on delete cascade,
    call_id               text not null,
    agent_id              text,
    call_type             text,
    direction             text,
    status                text,
    from_number           text,
    to_number             text,
    started_at            timestamptz,
    ended_at              timestamptz,
    duration_ms           bigint,
    disconnection_reason  text,
    recording_url         text,
    metadata              jsonb,
    summary               text,
    user_sentiment        text,
    call_successful       boolean,
    analysis              jsonb,
    last_event            text,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    unique (organization_id, call_id)
);
create index retell_call_sessions_by_time on retell_call_sessions (organization_id, started_at);

-- Calls whose agent id and number belong to no clinic: kept apart for an operator, never filed under a clinic.
create table retell_unassigned_calls (
    id            bigserial primary key,
    call_id       text not null unique,
    agent_id      text,
    direction     text,
    status        text,
    from_number   text,
    to_number     text,
    last_event    text,
    first_seen_at timestamptz not null default now(),
    last_seen_at  timestamptz not null default now()
);

-- The call log: what the gateway knows of a call (transcript, tool calls, outcome), filled in by webhooks when
-- the gateway could not write it.
create table conversations (
    id              bigserial primary key,
    organization_id bigint not null references organizations (id) on delete cascade,
    call_id         text not null,
    agent_id        text,
    from_number     text,
    to_number       text,
    started_at      timestamptz,
    ended_at        timestamptz,
    transcript      jsonb not null default '[]',
    tool_calls      jsonb not null default '[]',
    outcome         text check (outcome in ('booked', 'rescheduled', 'cancelled', 'message', 'transferred',
                                            'abandoned', 'failed')),
    appointment_id  bigint,
    lead_id         bigint,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (organization_id, call_id)
);
create index conversations_by_time on conversations (organization_id, started_at);

-- Callbacks the front desk owes. At most one per call (several leads without a call id are allowed).
create table leads (
    id              bigserial primary key,
    organization_id bigint not null references organizations (id) on delete cascade,
    call_id         text,
    name            text,
    phone           text,
    reason          text,
    status          text not null default 'new' check (status in ('new', 'done')),
    source          text not null check (source in ('gateway', 'webhook', 'api')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    done_at         timestamptz,
    unique (organization_id, call_id)
);
create index leads_by_time on leads (organization_id, created_at);

-- Voice agents of a clinic. Retell agents are provisioned through Retell's API; twilio and vapi are records only.
create table agents (
    id                     bigserial primary key,
    organization_id        bigint not null references organizations (id) on delete cascade,
    name                   text not null,
    description            text,
    provider_type          text not null check (provider_type in ('retell', 'twilio', 'vapi')),
    voice_id               text not null,
    area_code              text,
    status                 text not null check (status in ('active', 'not_provisioned')),
    retell_agent_id        text unique,
    retell_phone_number_id text,
    phone_number           text,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);
create index agents_by_clinic on agents (organization_id, id);
