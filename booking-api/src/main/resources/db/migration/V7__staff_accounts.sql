-- People sign in to the console with their own account; API keys stay for machines. An account belongs to one
-- clinic, has a role (the owner manages keys, staff and the clinic's agents; the front desk works calls, leads and
-- the book) and a bcrypt password hash, set by the person through a one-time link (the owner's setup link from
-- onboarding, an invitation, or a reset). An email address names one account on the platform, so sign-in needs no
-- clinic name. Like api_keys and console_sessions these tables are read before a clinic is known (sign-in names an
-- email, a link names a token), so they carry no RLS policy; they hold no patient data.
create table staff_members (
    id              bigserial primary key,
    organization_id bigint not null references organizations (id) on delete cascade,
    email           text not null check (email = lower(email) and email like '%_@_%'),
    display_name    text not null,
    role            text not null check (role in ('owner', 'front_desk')),
    password_hash   text,
    created_at      timestamptz not null default now(),
    disabled_at     timestamptz,
    unique (email)
);
create index staff_members_of_clinic on staff_members (organization_id);

-- One-time links: only the SHA-256 of the token is kept. A link works once, before it expires, and only for an
-- account that is not disabled; a newer link of the same account ends the older ones.
create table staff_links (
    id              bigserial primary key,
    staff_member_id bigint not null references staff_members (id) on delete cascade,
    purpose         text not null check (purpose in ('setup', 'invitation', 'reset')),
    token_hash      text not null unique,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    used_at         timestamptz,
    check (expires_at > created_at)
);
create index staff_links_of_member on staff_links (staff_member_id);

-- Sessions are now a person's. Sessions opened with an API key end here (people sign in again with their account).
delete from console_sessions;
alter table console_sessions drop column api_key_id;
alter table console_sessions add column staff_member_id bigint not null references staff_members (id) on delete cascade;

-- When a key was last used (to the minute), so the owner can tell a live integration from a forgotten key.
alter table api_keys add column last_used_at timestamptz;

-- Who did what in the console, and when: kept for the owner. The detail never holds patient data (an appointment
-- or lead is named by its number).
create table audit_events (
    id              bigserial primary key,
    organization_id bigint not null references organizations (id) on delete cascade,
    staff_member_id bigint references staff_members (id) on delete set null,
    actor           text not null,
    action          text not null,
    detail          text not null default '',
    at              timestamptz not null default now()
);
create index audit_events_of_clinic on audit_events (organization_id, at desc);
-- The audit trail is clinic data: the same row-level wall as V3's tables.
alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy clinic_isolation on audit_events for all
    using (organization_id = nullif(current_setting('app.clinic_id', true), '')::bigint)
    with check (organization_id = nullif(current_setting('app.clinic_id', true), '')::bigint);

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'anon') then
        execute 'revoke all on staff_members, staff_links, audit_events from anon';
    end if;
    if exists (select 1 from pg_roles where rolname = 'authenticated') then
        execute 'revoke all on staff_members, staff_links, audit_events from authenticated';
    end if;
end
$$;
