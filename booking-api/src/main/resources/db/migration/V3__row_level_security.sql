-- Row-Level Security: a second wall behind Hibernate's @TenantId filter, for anything that reaches the database
-- directly (Supabase's PostgREST roles, a SQL console, a future service). Every tenant table only shows and accepts
-- rows of the clinic named by the per-transaction setting app.clinic_id, which booking-api sets at the start of every
-- transaction (tenancy/TransactionClinicSetting). Unset, empty or '0' (no clinic) matches no row.
-- FORCE makes the policies bind the table owner too; superusers and BYPASSRLS roles still bypass them, so production
-- should connect as a plain role (see the README, "Supabase").
-- Not covered, on purpose: organizations, organization_channels and api_keys (resolving a call or a key to its clinic
-- happens before a clinic is known), the webhook inbox and unassigned calls (no clinic yet).

create function pg_temp.protect(tab regclass) returns void language plpgsql as $$
begin
    execute format('alter table %s enable row level security', tab);
    execute format('alter table %s force row level security', tab);
    execute format('create policy clinic_isolation on %s for all'
        || ' using (organization_id = nullif(current_setting(''app.clinic_id'', true), '''')::bigint)'
        || ' with check (organization_id = nullif(current_setting(''app.clinic_id'', true), '''')::bigint)', tab);
end
$$;

select pg_temp.protect('providers');
select pg_temp.protect('operatories');
select pg_temp.protect('schedules');
select pg_temp.protect('patients');
select pg_temp.protect('appointments');
select pg_temp.protect('idempotency_records');
select pg_temp.protect('retell_call_sessions');
select pg_temp.protect('conversations');
select pg_temp.protect('leads');
select pg_temp.protect('agents');

-- The hourly purge of idempotency records runs for all clinics at once: it may see and delete expired records only
-- (kept 48 h, see Idempotency.RETENTION), never live ones.
create policy expired_purge_read on idempotency_records for select
    using (created_at < now() - interval '48 hours');
create policy expired_purge on idempotency_records for delete
    using (created_at < now() - interval '48 hours');

-- On Supabase the API roles get every table in public by default; booking-api's tables are not for them.
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'anon') then
        execute 'revoke all on all tables in schema public from anon';
    end if;
    if exists (select 1 from pg_roles where rolname = 'authenticated') then
        execute 'revoke all on all tables in schema public from authenticated';
    end if;
end
$$;
