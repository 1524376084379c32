-- What callers ask about, entered by the clinic and given to the receptionist as facts: the address, parking,
-- insurance and payment, and the services with their usual lengths (used for the slot search's length).
alter table organizations add column address text;
alter table organizations add column parking text;
alter table organizations add column payment text;

create table clinic_services (
    id              bigserial primary key,
    organization_id bigint not null references organizations (id) on delete cascade,
    name            text not null,
    length_minutes  int not null check (length_minutes between 10 and 240),
    created_at      timestamptz not null default now()
);
create unique index clinic_services_name on clinic_services (organization_id, lower(name));

alter table clinic_services enable row level security;
alter table clinic_services force row level security;
create policy clinic_isolation on clinic_services for all
    using (organization_id = nullif(current_setting('app.clinic_id', true), '')::bigint)
    with check (organization_id = nullif(current_setting('app.clinic_id', true), '')::bigint);

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'anon') then
        execute 'revoke all on clinic_services from anon';
    end if;
    if exists (select 1 from pg_roles where rolname = 'authenticated') then
        execute 'revoke all on clinic_services from authenticated';
    end if;
end
$$;
