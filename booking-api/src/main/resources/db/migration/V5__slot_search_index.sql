-- Slot searches and room auto-fill read the time held in a range (issue 15). appointments_by_time can only bound
-- starts_at from above, so that read scanned a clinic's whole history before the range; this index finds the
-- overlapping appointments directly, however long the history grows. btree_gist is already installed (V1).
create index appointments_holding_time on appointments
    using gist (organization_id, tstzrange(starts_at, ends_at))
    where status in ('Scheduled', 'Complete');
