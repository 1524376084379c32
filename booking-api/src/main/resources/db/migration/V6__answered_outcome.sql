-- A call the receptionist answered and closed politely (the caller said goodbye, nothing booked or taken) is
-- "answered", no longer lumped in with callers who hung up early ("abandoned").
alter table conversations drop constraint conversations_outcome_check;
alter table conversations add constraint conversations_outcome_check
    check (outcome in ('booked', 'rescheduled', 'cancelled', 'message', 'transferred', 'answered', 'abandoned',
                       'failed'));
