package com.dentaldesk.booking.confirmations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.appointments.AppointmentEntity;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.patients.PatientEntity;
import com.dentaldesk.booking.providers.ProviderEntity;
import com.dentaldesk.booking.retell.MergedCall;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.contracts.booking.AppointmentStatus;
import com.dentaldesk.contracts.retell.ConfirmationCallMetadata;

/**
 * The current clinic's confirmation calls as a queue and a record: which appointments are due a call, claiming
 * them (one instance each, {@code skip locked}), and every way a call ends: the patient's answer (from the
 * receptionist, in the call), a cancellation or move of the appointment, or Retell's report of the call's end.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ConfirmationCalls {

    /** A call still "placing" this long after it was claimed was never placed (its webhooks would have said so). */
    static final Duration PLACING_GIVES_UP = Duration.ofMinutes(15);
    /** Appointments this far beyond a clinic's "hours before" are queued early, so a call can move before a weekend. */
    private static final Duration QUEUED_AHEAD = CallingWindow.EARLIER_AT_MOST.plusDays(1);
    /** What Retell reports for a call nobody picked up. */
    private static final List<String> NOT_PICKED_UP = List.of("dial_no_answer", "dial_busy", "dial_failed");

    private final EntityManager entityManager;
    private final TenantContext tenant;
    private final ConfirmationSettingsStore settingsStore;

    public ConfirmationCalls(EntityManager entityManager, TenantContext tenant, ConfirmationSettingsStore settingsStore) {
        this.entityManager = entityManager;
        this.tenant = tenant;
        this.settingsStore = settingsStore;
    }

    /** A claimed call, ready to be placed; {@code providerName} as callers hear it, null if the provider is gone. */
    public record Claimed(long confirmationId, long appointmentId, int claim, String patientPhone,
            String patientFirstName, Instant startsAt, String providerName) {
    }

    /**
     * Queues the appointments that need a call (every scheduled one in the horizon, minus those opted out, without a
     * phone, or outside the clinic's choice of types and new patients), then plans any queued call without a time.
     * A visit already queued is queued again only when it is back: cancelled and scheduled again, or skipped and
     * then moved or reconsidered under changed settings.
     */
    public void enqueue(ConfirmationSettings settings, Instant now) {
        Eligible eligible = eligible(settings);
        var insert = entityManager.createNativeQuery("insert into confirmation_calls (organization_id, appointment_id,"
                + " appointment_starts_at, status) select a.organization_id, a.id, a.starts_at, 'due'"
                + " from appointments a join patients p on p.id = a.patient_id"
                + " where a.organization_id = :clinic and a.status = 'Scheduled'"
                + " and a.starts_at > :soonest and a.starts_at <= :horizon" + eligible.sql()
                + " on conflict (organization_id, appointment_id) do update set status = 'due',"
                + " appointment_starts_at = excluded.appointment_starts_at, next_attempt_at = null, attempts = 0,"
                + " detail = null, updated_at = :now where confirmation_calls.status = 'cancelled'"
                + " or (confirmation_calls.status = 'skipped' and (confirmation_calls.appointment_starts_at"
                + " <> excluded.appointment_starts_at or confirmation_calls.updated_at < :settingsChanged))")
                .setParameter("clinic", tenant.organizationId())
                .setParameter("soonest", now.plus(CallingWindow.LAST_CALL_BEFORE_VISIT))
                .setParameter("horizon", now.plus(settings.before()).plus(QUEUED_AHEAD))
                .setParameter("now", now)
                .setParameter("settingsChanged", settings.updatedAt == null ? Instant.EPOCH : settings.updatedAt);
        eligible.bind(insert);
        insert.executeUpdate();
        CallingWindow window = settings.window(tenant.zone());
        // Locked: a cancel or move of the same visit waits, so neither writes over the other.
        List<ConfirmationCall> unplanned = entityManager.createQuery("from ConfirmationCall where status = :due"
                + " and nextAttemptAt is null", ConfirmationCall.class)
                .setParameter("due", ConfirmationStatus.DUE).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (ConfirmationCall call : unplanned) {
            // A call waiting for its retry keeps the retry's spacing when it is planned again.
            Optional<Instant> at = call.attempts > 0 && call.lastAttemptAt != null
                    ? window.retry(call.appointmentStartsAt, settings.retryAfter(), call.lastAttemptAt)
                    : window.firstCall(call.appointmentStartsAt, settings.before(), now);
            if (at.isPresent()) {
                call.nextAttemptAt = at.get();
                call.updatedAt = now;
            } else {
                call.settle(ConfirmationStatus.SKIPPED, "No calling hours before the visit", now);
            }
        }
    }

    /** The clinic's choice of visits (types, first visits only) as SQL over {@code a} (appointments). */
    private record Eligible(String sql, String[] types) {

        void bind(jakarta.persistence.Query query) {
            if (types.length > 0) {
                query.setParameter("types", types);
            }
        }
    }

    private static Eligible eligible(ConfirmationSettings settings) {
        String types = settings.appointmentTypes.length == 0 ? ""
                : " and lower(a.appointment_type) in (select lower(t) from unnest(cast(:types as text[])) t)";
        String newOnly = !settings.newPatientsOnly ? ""
                : " and not exists (select 1 from appointments e where e.patient_id = a.patient_id"
                        + " and e.starts_at < a.starts_at and e.status in ('Scheduled', 'Complete'))";
        return new Eligible(" and p.phone is not null and p.calls_opted_out_at is null" + types + newOnly,
                settings.appointmentTypes);
    }

    /**
     * Claims up to {@code limit} calls that are due now: each is re-checked (still scheduled, same time, not opted
     * out, inside calling hours) and marked placing, attempt counted, before anyone calls Retell. Rows another
     * instance holds are skipped, so each call is claimed by one instance.
     */
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(ConfirmationSettings settings, Instant now, int limit) {
        List<Number> ids = entityManager.createNativeQuery("select id from confirmation_calls where organization_id ="
                + " :clinic and status = 'due' and next_attempt_at <= :now order by next_attempt_at limit :limit"
                + " for update skip locked").setParameter("clinic", tenant.organizationId()).setParameter("now", now)
                .setParameter("limit", limit).getResultList();
        CallingWindow window = settings.window(tenant.zone());
        Set<Long> stillChosen = ids.isEmpty() ? Set.of() : chosenAmong(settings, ids);
        List<Claimed> claimed = new ArrayList<>();
        for (Number id : ids) {
            ConfirmationCall call = entityManager.find(ConfirmationCall.class, id.longValue());
            AppointmentEntity appointment = entityManager.find(AppointmentEntity.class, call.appointmentId);
            PatientEntity patient = entityManager.find(PatientEntity.class, appointment.patientId);
            if (appointment.status != AppointmentStatus.Scheduled) {
                call.settle(ConfirmationStatus.SKIPPED, "The appointment is " + appointment.status.name()
                        .toLowerCase(Locale.ROOT), now);
            } else if (patient.callsOptedOutAt != null || patient.phone == null) {
                call.settle(ConfirmationStatus.SKIPPED, "The patient asked not to be called", now);
            } else if (!stillChosen.contains(call.id)) {
                call.settle(ConfirmationStatus.SKIPPED, "Not among the visits to call any more", now);
            } else if (now.isAfter(appointment.startsAt.minus(CallingWindow.LAST_CALL_BEFORE_VISIT))) {
                // Due long ago (the service was down, or many calls were waiting): too late to call now.
                call.settle(ConfirmationStatus.SKIPPED, "Too close to the visit to call", now);
            } else if (!appointment.startsAt.equals(call.appointmentStartsAt)) {
                // Moved since it was queued: planned again for the new time.
                call.appointmentStartsAt = appointment.startsAt;
                call.nextAttemptAt = null;
                call.updatedAt = now;
            } else if (!window.allows(now)) {
                // The clinic changed its calling hours since this was planned.
                call.nextAttemptAt = null;
                call.updatedAt = now;
            } else {
                call.status = ConfirmationStatus.PLACING;
                call.attempts++;
                call.claims++;
                call.placingSince = now;
                call.lastAttemptAt = now;
                call.retellCallId = null;
                call.updatedAt = now;
                ProviderEntity provider = entityManager.find(ProviderEntity.class, appointment.providerId);
                claimed.add(new Claimed(call.id, appointment.id, call.claims, patient.phone, patient.firstName,
                        appointment.startsAt, provider == null ? null : provider.displayName()));
            }
        }
        return claimed;
    }

    /** Which of these queued calls are still about visits the clinic chooses to call (types, first visits). */
    @SuppressWarnings("unchecked")
    private Set<Long> chosenAmong(ConfirmationSettings settings, List<Number> ids) {
        Eligible eligible = eligible(settings);
        var query = entityManager.createNativeQuery("select c.id from confirmation_calls c join appointments a"
                + " on a.id = c.appointment_id join patients p on p.id = a.patient_id where c.id in (:ids)"
                + eligible.sql()).setParameter("ids", ids.stream().map(Number::longValue).toList());
        eligible.bind(query);
        return ((List<Number>) query.getResultList()).stream().map(Number::longValue).collect(Collectors.toSet());
    }

    /** Retell placed the call: its end (webhook) decides now, unless the patient answers first. */
    public void placed(long confirmationId, String retellCallId, Instant now) {
        ConfirmationCall call = locked(confirmationId);
        if (call != null && call.status == ConfirmationStatus.PLACING) {
            call.status = ConfirmationStatus.CALLING;
            call.retellCallId = retellCallId;
            call.placingSince = null;
            call.updatedAt = now;
        } else if (call != null && call.retellCallId == null) {
            // The call's webhooks came first and settled it: keep their outcome, remember the call.
            call.retellCallId = retellCallId;
        }
    }

    /** Retell refused or failed to place the call: tried again later if attempts remain, else failed. */
    public void notPlaced(ConfirmationSettings settings, long confirmationId, String why, Instant now) {
        ConfirmationCall call = locked(confirmationId);
        if (call != null && call.status == ConfirmationStatus.PLACING) {
            retryOrSettle(settings, call, ConfirmationStatus.FAILED, why, now);
        }
    }

    /**
     * Claims whose placing was never confirmed, by Retell's answer or its webhooks, within
     * {@link #PLACING_GIVES_UP} (an instance died, or Retell's answer timed out and no call followed) are placed
     * again as soon as calling hours allow.
     */
    public void releaseAbandoned(ConfirmationSettings settings, Instant now) {
        List<ConfirmationCall> abandoned = entityManager.createQuery("from ConfirmationCall where status = :placing"
                + " and placingSince < :before", ConfirmationCall.class)
                .setParameter("placing", ConfirmationStatus.PLACING)
                .setParameter("before", now.minus(PLACING_GIVES_UP))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        CallingWindow window = settings.window(zone());
        for (ConfirmationCall call : abandoned) {
            // Never placed (Retell reports every call it places): the attempt did not happen, so it is not counted.
            call.attempts--;
            Optional<Instant> again = window.retry(call.appointmentStartsAt, Duration.ZERO, now);
            if (again.isPresent()) {
                call.status = ConfirmationStatus.DUE;
                call.nextAttemptAt = again.get();
                call.placingSince = null;
                call.updatedAt = now;
            } else {
                call.settle(ConfirmationStatus.FAILED, "Retell never reported the call", now);
            }
        }
    }

    /**
     * A Retell event of a confirmation call (its metadata names the confirmation): links the call, and once it
     * has ended settles what the patient did not settle in the call.
     */
    public void onCallEvent(MergedCall event, Instant now) {
        Long confirmationId = confirmationIdOf(event);
        if (confirmationId == null) {
            return;
        }
        ConfirmationCall call = locked(confirmationId);
        if (call == null || call.claims != claimOf(event)
                || (call.retellCallId != null && !call.retellCallId.equals(event.callId()))) {
            return; // another clinic's, or an earlier attempt's late event
        }
        if (call.status == ConfirmationStatus.PLACING) {
            call.status = ConfirmationStatus.CALLING;
            call.placingSince = null;
        }
        call.retellCallId = event.callId();
        call.updatedAt = now;
        if (!event.isFinished() || call.status != ConfirmationStatus.CALLING) {
            return;
        }
        AppointmentEntity appointment = entityManager.find(AppointmentEntity.class, call.appointmentId);
        String reason = event.disconnectionReason();
        if (appointment.status == AppointmentStatus.Cancelled) {
            call.settle(ConfirmationStatus.CANCELLED, null, now);
        } else if (!appointment.startsAt.equals(call.appointmentStartsAt)) {
            call.settle(ConfirmationStatus.MOVED, null, now);
        } else if ("voicemail_reached".equals(reason) || inVoicemail(event)) {
            call.settle(ConfirmationStatus.VOICEMAIL, "A short message without details was left", now);
        } else if (NOT_PICKED_UP.contains(reason) || "not_connected".equals(event.status())) {
            retryOrSettle(settingsStore.current(), call, ConfirmationStatus.NO_ANSWER, "No answer", now);
        } else {
            call.settle(ConfirmationStatus.UNRESOLVED, null, now);
        }
    }

    /** What the patient said in the call, as the receptionist reports it: confirmed, don't call me, or voicemail. */
    public ConfirmationCall answer(long appointmentId, String retellCallId, ConfirmationStatus answer, Instant now) {
        if (answer != ConfirmationStatus.CONFIRMED && answer != ConfirmationStatus.OPTED_OUT
                && answer != ConfirmationStatus.VOICEMAIL) {
            throw BookingException.invalid("answer", "answer must be confirmed, opted_out or voicemail");
        }
        ConfirmationCall call = entityManager.createQuery("from ConfirmationCall where appointmentId = :id",
                ConfirmationCall.class).setParameter("id", appointmentId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .filter(found -> retellCallId != null && retellCallId.equals(found.retellCallId)
                        || found.status == ConfirmationStatus.PLACING)
                // Only the call placed for this appointment may answer for it.
                .orElseThrow(() -> BookingException.notFound("Confirmation call for appointment " + appointmentId
                        + " in call " + retellCallId));
        if (answer == ConfirmationStatus.OPTED_OUT) {
            AppointmentEntity appointment = entityManager.find(AppointmentEntity.class, appointmentId);
            PatientEntity patient = entityManager.find(PatientEntity.class, appointment.patientId);
            if (patient.callsOptedOutAt == null) {
                patient.callsOptedOutAt = now;
            }
        }
        if (call.status.isOpen() || call.status == answer) {
            call.retellCallId = retellCallId;
            call.settle(answer, null, now);
        } else if (answer != ConfirmationStatus.OPTED_OUT) {
            // Moved or cancelled in this call already: the visit it was about is not there to confirm.
            throw BookingException.invalid("answer", "This confirmation call already ended as "
                    + call.status.dbValue());
        }
        return call;
    }

    /** A cancelled (or broken) appointment settles its open confirmation call. */
    public void appointmentCancelled(long appointmentId, Instant now) {
        open(appointmentId).ifPresent(call -> call.settle(ConfirmationStatus.CANCELLED, null, now));
    }

    /**
     * A visit at a new time: before its call, the call is planned again; during it, moving is the outcome. A new
     * room or provider at the same time changes nothing.
     */
    public void appointmentMoved(long appointmentId, Instant newStart, Instant now) {
        open(appointmentId).filter(call -> !call.appointmentStartsAt.equals(newStart)).ifPresent(call -> {
            if (call.status == ConfirmationStatus.DUE) {
                call.appointmentStartsAt = newStart;
                call.nextAttemptAt = null;
                call.updatedAt = now;
            } else {
                call.settle(ConfirmationStatus.MOVED, null, now);
            }
        });
    }

    /** The confirmation calls of appointments starting in [from, to), for the console and the API. */
    public List<ConfirmationCall> between(Instant from, Instant to) {
        return entityManager.createQuery("from ConfirmationCall where appointmentStartsAt >= :from"
                + " and appointmentStartsAt < :to order by appointmentStartsAt, id", ConfirmationCall.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** The confirmation calls of these appointments (at most one each). */
    public List<ConfirmationCall> forAppointments(List<Long> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("from ConfirmationCall where appointmentId in :ids", ConfirmationCall.class)
                .setParameter("ids", appointmentIds).getResultList();
    }

    private Optional<ConfirmationCall> open(long appointmentId) {
        return entityManager.createQuery("from ConfirmationCall where appointmentId = :id and status in :open",
                ConfirmationCall.class).setParameter("id", appointmentId)
                .setParameter("open", List.of(ConfirmationStatus.DUE, ConfirmationStatus.PLACING,
                        ConfirmationStatus.CALLING))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    private void retryOrSettle(ConfirmationSettings settings, ConfirmationCall call, ConfirmationStatus outcome,
            String why, Instant now) {
        // Timed from the attempt, not from when its end was reported.
        Instant attempted = call.lastAttemptAt != null ? call.lastAttemptAt : now;
        Optional<Instant> again = call.attempts > settings.retries ? Optional.empty()
                : settings.window(zone()).retry(call.appointmentStartsAt, settings.retryAfter(), attempted);
        if (again.isPresent()) {
            call.status = ConfirmationStatus.DUE;
            call.nextAttemptAt = again.get();
            call.placingSince = null;
            call.detail = why + " (attempt " + call.attempts + ")";
            call.updatedAt = now;
        } else {
            call.settle(outcome, why + " (" + call.attempts + (call.attempts == 1 ? " attempt)" : " attempts)"), now);
        }
    }

    private ConfirmationCall locked(long confirmationId) {
        return entityManager.find(ConfirmationCall.class, confirmationId, LockModeType.PESSIMISTIC_WRITE);
    }

    private ZoneId zone() {
        return tenant.zone();
    }

    private static boolean inVoicemail(MergedCall event) {
        return event.analysis() != null && event.analysis().path("in_voicemail").asBoolean(false);
    }

    /** Which claim of its row a call was, from the metadata the job gave Retell (0 when absent). */
    private static int claimOf(MergedCall event) {
        return event.metadata().path(ConfirmationCallMetadata.CLAIM).asInt(0);
    }

    /** The confirmation a call was placed for, from the metadata the job gave Retell. */
    static Long confirmationIdOf(MergedCall event) {
        if (event.metadata() == null || !ConfirmationCallMetadata.PURPOSE.equals(
                event.metadata().path(ConfirmationCallMetadata.PURPOSE_KEY).asText())) {
            return null;
        }
        var id = event.metadata().path(ConfirmationCallMetadata.CONFIRMATION_ID);
        return id.canConvertToLong() ? id.asLong() : id.isTextual() && id.asText().matches("\\d{1,18}")
                ? Long.valueOf(id.asText()) : null;
    }
}
