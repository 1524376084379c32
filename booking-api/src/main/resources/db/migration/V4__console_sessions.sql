-- The clinic console's sign-in sessions. Staff sign in with their clinic's slug and an API key; the browser then
-- holds a random 256-bit session token in a cookie, and only its SHA-256 is stored here (as for API keys). A session
-- lasts 8 hours, ends at sign-out, and ends at once when the key it was opened with is revoked or deleted.
-- Like api_keys, this table is read before a clinic is known (the token names the clinic), so it has no RLS policy;
-- it holds no patient data.
create table console_sessions (
    id              bigserial primary key,
    organization_id bigint not null references organizations (id) on delete cascade,
    api_key_id      bigint not null references api_keys (id) on delete cascade,
    token_hash      text not null unique,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    check (expires_at > created_at)
);
create index console_sessions_by_expiry on console_sessions (expires_at);

-- V3 revoked the Supabase API roles' access to the tables that existed then; new tables get their default grants,
-- so this one is revoked here.
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'anon') then
        execute 'revoke all on console_sessions from anon';
    end if;
    if exists (select 1 from pg_roles where rolname = 'authenticated') then
        execute 'revoke all on console_sessions from authenticated';
    end if;
end
$$;
