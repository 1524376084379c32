-- The clinic's appointment book. Every business row belongs to one organization, and foreign keys
-- include organization_id so a row can never point at another clinic's patient, provider or room.
create extension if not exists btree_gist;

create table organizations (
    id                  bigserial primary key,
    slug                text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name                text not null,
    timezone            text not null,
    greeting            text,
    custom_instructions text,
    business_rules      text,
    transfer_number     text,
    created_at          timestamptz not null default now()
);

-- How a call finds its clinic: a Retell agent id or a called number. One owner per value.
create table organization_channels (
    id              bigserial primary key,
    organization_id bigint not null references organizations (id) on delete cascade,
    kind            text not null check (kind in ('retell_agent', 'phone_number')),
    value           text not null,
    unique (kind, value)
);

create table api_keys (
    id              bigserial primary key,
    organization_id bigint not null references organizations (id) on delete cascade,
    label           text not null,
    key_hash        text not null unique,
    created_at      timestamptz not null default now(),
    revoked_at      timestamptz
);

create table providers (
    id              bigserial primary key,
    organization_id bigint not null references organizations (id) on delete cascade,
    first_name      text not null,
    last_name       text not null,
    abbr            text,
    specialty       text,
    is_hidden       boolean not null default false,
    unique (organization_id, id)
);

create table operatories (
    id              bigserial primary key,
    organization_id bigint not null references organizations (id) on delete cascade,
    name            text not null,
    abbrev          text,
    is_active       boolean not null default true,
    tags            text not null default '',
    unique (organization_id, id)
);

create table schedules (
    id              bigserial primary key,
    organization_id bigint not null references organizations (id) on delete cascade,
    provider_id     bigint not null,
    operatory_id    bigint not null,
    sched_date      date not null,
    start_time      time not null,
    stop_time       time not null,
    check (stop_time > start_time),
    foreign key (organization_id, provider_id) references providers (organization_id, id),
    foreign key (organization_id, operatory_id) references operatories (organization_id, id)
);
create index schedules_by_date on schedules (organization_id, sched_date);

create table patients (
    id              bigserial primary key,
    organization_id bigint not null references organizations (id) on delete cascade,
    first_name      text not null,
    last_name       text not null,
    birthdate       date,
    phone           text,
    email           text,
    created_at      timestamptz not null default now(),
    unique (organization_id, id)
);
create index patients_by_phone on patients (organization_id, phone);
create index patients_by_name on patients (organization_id, lower(last_name), lower(first_name));

create table appointments (
    id               bigserial primary key,
    organization_id  bigint not null references organizations (id) on delete cascade,
    patient_id       bigint not null,
    provider_id      bigint not null,
    operatory_id     bigint not null,
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    status           text not null check (status in ('Scheduled', 'Complete', 'Broken', 'Cancelled')),
    appointment_type text,
    note             text,
    session_id       text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (ends_at > starts_at),
    foreign key (organization_id, patient_id) references patients (organization_id, id),
    foreign key (organization_id, provider_id) references providers (organization_id, id),
    foreign key (organization_id, operatory_id) references operatories (organization_id, id),
    -- Double booking is impossible here, whatever the application does: no two appointments that hold
    -- time may overlap for one provider, one room or one patient. Broken/Cancelled free their time.
    constraint appointments_provider_no_overlap exclude using gist (
        provider_id with =, tstzrange(starts_at, ends_at) with &&) where (status in ('Scheduled', 'Complete')),
    constraint appointments_operatory_no_overlap exclude using gist (
        operatory_id with =, tstzrange(starts_at, ends_at) with &&) where (status in ('Scheduled', 'Complete')),
    constraint appointments_patient_no_overlap exclude using gist (
        patient_id with =, tstzrange(starts_at, ends_at) with &&) where (status in ('Scheduled', 'Complete'))
);
create index appointments_by_time on appointments (organization_id, starts_at);
create index appointments_by_patient on appointments (organization_id, patient_id, starts_at);

-- A replayed write returns its first answer; kept for at least 24 h (purged after 48 h).
create table idempotency_records (
    id              bigserial primary key,
    organization_id bigint not null references organizations (id) on delete cascade,
    idempotency_key text not null,
    request_hash    text not null,
    status_code     int not null,
    response_body   text not null,
    created_at      timestamptz not null default now(),
    unique (organization_id, idempotency_key)
);
create index idempotency_records_by_age on idempotency_records (created_at);
