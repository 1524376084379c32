-- Days the clinic is closed (holidays, training days): no working hours can be added on them, and closing a day
-- removes its hours, so callers are never offered a time on it. Clinic data: the same row-level wall as V3's tables.
create table clinic_closures (
    id              bigserial primary key,
    organization_id bigint not null references organizations (id) on delete cascade,
    closed_on       date not null,
    reason          text not null default '',
    created_at      timestamptz not null default now(),
    unique (organization_id, closed_on)
);

alter table clinic_closures enable row level security;
alter table clinic_closures force row level security;
create policy clinic_isolation on clinic_closures for all
    using (organization_id = nullif(current_setting('app.clinic_id', true), '')::bigint)
    with check (organization_id = nullif(current_setting('app.clinic_id', true), '')::bigint);

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'anon') then
        execute 'revoke all on clinic_closures from anon';
    end if;
    if exists (select 1 from pg_roles where rolname = 'authenticated') then
        execute 'revoke all on clinic_closures from authenticated';
    end if;
end
$$;
