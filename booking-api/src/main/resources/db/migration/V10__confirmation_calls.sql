-- Confirmation calls: the day before a visit the receptionist calls the patient to confirm, cancel or move it.
-- confirmation_settings: one row per clinic that has set them (no row = off). confirmation_calls: the job's queue and
-- its record, one row per appointment (the unique key is what makes "called exactly once" hold across instances);
-- instances claim due rows with FOR UPDATE SKIP LOCKED.

create table confirmation_settings (
    organization_id     bigint primary key references organizations (id) on delete cascade,
    enabled             boolean not null default false,
    hours_before        int not null default 24 check (hours_before between 3 and 168),
    calling_from        time not null default '09:00',
    calling_until       time not null default '18:00',
    calling_days        text not null default 'MON,TUE,WED,THU,FRI',
    retries             int not null default 2 check (retries between 0 and 5),
    retry_after_minutes int not null default 120 check (retry_after_minutes between 15 and 1440),
    new_patients_only   boolean not null default false,
    -- Appointment types to call for (appointments.appointment_type, case-insensitive); empty = every type.
    appointment_types   text[] not null default '{}',
    updated_at          timestamptz not null default now(),
    check (calling_until > calling_from)
);

create table confirmation_calls (
    id                    bigserial primary key,
    organization_id       bigint not null references organizations (id) on delete cascade,
    appointment_id        bigint not null references appointments (id) on delete cascade,
    -- The visit time the confirmation is about: a move before the call re-plans it, a move during it is the outcome.
    appointment_starts_at timestamptz not null,
    status                text not null check (status in ('due', 'placing', 'calling', 'confirmed', 'cancelled',
                              'moved', 'no_answer', 'voicemail', 'opted_out', 'unresolved', 'skipped', 'failed')),
    attempts              int not null default 0,
    -- Every claim, counted tries or not; a call's metadata carries it, so a late report of an earlier claim is known.
    claims                int not null default 0,
    next_attempt_at       timestamptz,
    placing_since         timestamptz,
    last_attempt_at       timestamptz,
    retell_call_id        text,
    detail                text,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    unique (organization_id, appointment_id)
);
create index confirmation_calls_due on confirmation_calls (organization_id, next_attempt_at) where status = 'due';
create index confirmation_calls_by_call on confirmation_calls (retell_call_id);

-- A patient who said "don't call me": never called by the job again.
alter table patients add column calls_opted_out_at timestamptz;

alter table confirmation_settings enable row level security;
alter table confirmation_settings force row level security;
create policy clinic_isolation on confirmation_settings for all
    using (organization_id = nullif(current_setting('app.clinic_id', true), '')::bigint)
    with check (organization_id = nullif(current_setting('app.clinic_id', true), '')::bigint);
-- The job looks for clinics with confirmation calls on before it acts for each, in a transaction that acts for no
-- clinic: such a transaction (and only such) may see which clinics these are (settings only, no patient data). A
-- clinic's own transactions see their own row alone.
create policy job_scan on confirmation_settings for select
    using (enabled and coalesce(nullif(current_setting('app.clinic_id', true), ''), '0') = '0');

alter table confirmation_calls enable row level security;
alter table confirmation_calls force row level security;
create policy clinic_isolation on confirmation_calls for all
    using (organization_id = nullif(current_setting('app.clinic_id', true), '')::bigint)
    with check (organization_id = nullif(current_setting('app.clinic_id', true), '')::bigint);

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'anon') then
        execute 'revoke all on confirmation_settings, confirmation_calls from anon';
    end if;
    if exists (select 1 from pg_roles where rolname = 'authenticated') then
        execute 'revoke all on confirmation_settings, confirmation_calls from authenticated';
    end if;
end
$$;
