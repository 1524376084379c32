package com.dentaldesk.booking.appointments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.dentaldesk.booking.closures.ClosedDays;
import com.dentaldesk.booking.confirmations.ConfirmationCalls;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.functions.Params;
import com.dentaldesk.booking.operatories.OperatoryEntity;
import com.dentaldesk.booking.operatories.OperatoryService;
import com.dentaldesk.booking.providers.ProviderEntity;
import com.dentaldesk.booking.providers.ProviderService;
import com.dentaldesk.booking.slots.SlotFinder;
import com.dentaldesk.booking.slots.OpenHours;
import com.dentaldesk.booking.slots.SlotReads;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.booking.time.ClinicTime;
import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.contracts.booking.AppointmentStatus;

/**
 * Listing, moving, breaking and cancelling ({@link AppointmentBooking} books). The database decides who gets a
 * contested slot.
 */
@ApplicationScoped
@Transactional
public class AppointmentService {

    private static final int MAX_LIST_RANGE_DAYS = 366;

    private final AppointmentRepository appointments;
    private final OverlapSafeWriter writer;
    private final ProviderService providers;
    private final OperatoryService operatories;
    private final SlotFinder slots;
    private final SlotReads slotReads;
    private final ClosedDays closedDays;
    private final ClinicTime clinicTime;
    private final EntityManager entityManager;
    private final ConfirmationCalls confirmations;
    private final TenantContext tenant;

    public AppointmentService(AppointmentRepository appointments, OverlapSafeWriter writer,
            ProviderService providers, OperatoryService operatories, SlotFinder slots,
            SlotReads slotReads, ClosedDays closedDays, ClinicTime clinicTime, EntityManager entityManager,
            ConfirmationCalls confirmations, TenantContext tenant) {
        this.closedDays = closedDays;
        this.appointments = appointments;
        this.writer = writer;
        this.providers = providers;
        this.operatories = operatories;
        this.slots = slots;
        this.slotReads = slotReads;
        this.clinicTime = clinicTime;
        this.entityManager = entityManager;
        this.confirmations = confirmations;
        this.tenant = tenant;
    }

    /** GetAppointments: by clinic-local date range, optionally for one patient, provider or room. */
    public List<Appointment> list(Params params) {
        LocalDate from = params.requiredDate("DateStart");
        LocalDate to = params.requiredDate("DateEnd");
        params.requireAll();
        if (to.isBefore(from) || from.plusDays(MAX_LIST_RANGE_DAYS).isBefore(to)) {
            throw BookingException.invalid("DateEnd", "DateEnd must be on or after DateStart, within a year");
        }
        StringBuilder query = new StringBuilder("startsAt >= :from and startsAt < :to");
        Map<String, Object> values = new HashMap<>(
                Map.of("from", clinicTime.startOfDay(from), "to", clinicTime.startOfDay(to.plusDays(1))));
        filter(query, values, "patientId", params.optionalLong("PatNum"));
        filter(query, values, "providerId", params.optionalLong("ProvNum"));
        filter(query, values, "operatoryId", params.optionalLong("OpNum"));
        params.optionalString("AptStatus").ifPresent(status -> {
            query.append(" and status = :status");
            values.put("status", parseStatus(status));
        });
        return appointments.find(query + " order by startsAt, id", values).stream().map(this::toContract).toList();
    }

    public Appointment get(Params params) {
        long aptNum = params.requiredLong("AptNum");
        params.requireAll();
        return toContract(require(aptNum));
    }

    /**
     * UpdateAppointment: a new time, provider or room (a reschedule, auto-filling the room again), a note, or a new
     * {@code AptStatus} (Complete once it has begun, Broken for a no-show, Cancelled, or Scheduled again).
     */
    public Appointment update(Params params) {
        long aptNum = params.requiredLong("AptNum");
        params.requireAll();
        Optional<AppointmentStatus> newStatus = params.optionalString("AptStatus")
                .map(AppointmentService::parseStatus);
        AppointmentEntity appointment = newStatus.isPresent() ? requireForUpdate(aptNum) : require(aptNum);
        boolean moves = params.has("AptDateTime") || params.has("ProvNum") || params.has("Op")
                || params.has("lengthMinutes");
        if (newStatus.isPresent() && moves) {
            throw BookingException.invalid("AptStatus",
                    "Change an appointment's status and its time in two requests");
        }
        params.optionalString("Note").ifPresent(v -> appointment.note = v);
        params.optionalString("AptType").ifPresent(v -> appointment.type = v);
        if (newStatus.isPresent()) {
            return changeStatus(appointment, newStatus.get());
        }
        if (!moves) {
            return toContract(appointment);
        }
        if (appointment.status != AppointmentStatus.Scheduled) {
            throw BookingException.invalid("AptNum", "Only a scheduled appointment can be moved; this one is "
                    + appointment.status);
        }
        long provNum = params.optionalLong("ProvNum").map(p -> providers.requireBookable(p).id)
                .orElse(appointment.providerId);
        int length = params.optionalInt("lengthMinutes").orElse(appointment.lengthMinutes());
        SlotFinder.checkLength(length);
        Instant start = params.optionalString("AptDateTime").map(this::futureStart).orElse(appointment.startsAt);
        closedDays.requireOpen(clinicTime.dateOf(start));
        Instant end = start.plus(Duration.ofMinutes(length));
        Optional<Long> self = Optional.of(appointment.id);
        long opNum = params.optionalLong("Op").map(op -> operatories.requireActive(op).id)
                .orElseGet(() -> {
                    LocalDate day = clinicTime.dateOf(start);
                    return autoFillOperatory(slotReads.openHours(day, day, Optional.of(provNum), Optional.empty()),
                            provNum, appointment.patientId, start, end, self);
                });
        if (!writer.move(appointment.id, provNum, opNum, start, end)) {
            throw taken(OverlapSafeWriter.TAKEN, start, provNum, length, appointment.patientId, self);
        }
        entityManager.refresh(appointment);
        confirmations.appointmentMoved(appointment.id, appointment.startsAt, clinicTime.now());
        return toContract(appointment);
    }

    /** BreakAppointment: the patient missed or broke it; the time is free again. */
    public Appointment breakAppointment(Params params) {
        return changeStatus(params, AppointmentStatus.Broken);
    }

    /** DeleteAppointment: cancelled (kept for the record); the time is free again. */
    public Appointment cancel(Params params) {
        return changeStatus(params, AppointmentStatus.Cancelled);
    }

    public AppointmentEntity require(long aptNum) {
        return appointments.findByIdOptional(aptNum)
                .orElseThrow(() -> BookingException.notFound("Appointment " + aptNum));
    }

    public Appointment toContract(AppointmentEntity apt) {
        ProviderEntity provider = providers.findById(apt.providerId);
        return new Appointment(apt.id, apt.patientId, apt.providerId, apt.operatoryId, clinicTime.format(apt.startsAt),
                clinicTime.format(apt.endsAt), apt.lengthMinutes(), apt.status, apt.type, apt.note,
                provider == null ? null : provider.displayName());
    }

    private Appointment changeStatus(Params params, AppointmentStatus status) {
        long aptNum = params.requiredLong("AptNum");
        params.requireAll();
        return changeStatus(requireForUpdate(aptNum), status);
    }

    /** The appointment, locked until the transaction ends: status changes from two desks take turns. */
    private AppointmentEntity requireForUpdate(long aptNum) {
        return appointments.findByIdOptional(aptNum, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> BookingException.notFound("Appointment " + aptNum));
    }

    /**
     * The rules a practice expects: a completed visit is final; only a scheduled appointment that has begun can be
     * completed; one made Scheduled again must be in the future and takes its time back only if it is still free
     * (the exclusion constraints decide, as for a booking).
     */
    private Appointment changeStatus(AppointmentEntity appointment, AppointmentStatus status) {
        if (appointment.status == status) {
            return toContract(appointment);
        }
        if (appointment.status == AppointmentStatus.Complete) {
            throw BookingException.invalid("AptNum", "A completed appointment cannot be changed");
        }
        Instant now = clinicTime.now();
        switch (status) {
            case Complete -> {
                if (appointment.status != AppointmentStatus.Scheduled) {
                    throw BookingException.invalid("AptStatus",
                            "Only a scheduled appointment can be completed; this one is " + appointment.status);
                }
                if (appointment.startsAt.isAfter(now)) {
                    throw BookingException.invalid("AptStatus",
                            "An appointment cannot be completed before it begins");
                }
            }
            case Scheduled -> {
                if (appointment.startsAt.isBefore(now)) {
                    throw BookingException.invalid("AptStatus",
                            "An appointment in the past cannot be scheduled again");
                }
                // The same checks as a booking: a provider who left or a room taken out of use is not booked again.
                providers.requireBookable(appointment.providerId);
                operatories.requireActive(appointment.operatoryId);
                closedDays.requireOpen(clinicTime.dateOf(appointment.startsAt));
                if (!writer.reschedule(appointment.id)) {
                    throw taken(OverlapSafeWriter.TAKEN, appointment.startsAt, appointment.providerId,
                            appointment.lengthMinutes(), appointment.patientId, Optional.of(appointment.id));
                }
                entityManager.refresh(appointment);
                return toContract(appointment);
            }
            case Broken, Cancelled -> {
                // Frees the time at once; a confirmation call about it has its answer.
                confirmations.appointmentCancelled(appointment.id, now);
            }
        }
        appointment.status = status;
        appointment.updatedAt = now;
        return toContract(appointment);
    }

    private Instant futureStart(String wallTime) {
        Instant start = clinicTime.parseWallTime("AptDateTime", wallTime);
        if (start.isBefore(clinicTime.now())) {
            throw BookingException.invalid("AptDateTime", "AptDateTime is in the past");
        }
        return start;
    }

    /** The room for a move made without one ({@link RoomAutoFill}); refused as taken when every room is. */
    private long autoFillOperatory(List<OpenHours> providerHours, long provNum, long patNum, Instant start,
            Instant end, Optional<Long> ignoreAppointment) {
        long clinic = tenant.organizationId();
        return session().doReturningWork(connection -> RoomAutoFill.choose(connection, clinic, clinicTime,
                providerHours, start, end, ignoreAppointment))
                .orElseThrow(() -> taken(RoomAutoFill.NO_ROOM, start, provNum,
                        (int) Duration.between(start, end).toMinutes(), patNum, ignoreAppointment));
    }

    /** A refusal with the alternatives, read in this transaction. */
    private BookingException taken(String message, Instant start, long provNum, int length, long patNum,
            Optional<Long> ignore) {
        long clinic = tenant.organizationId();
        return BookingException.slotTaken(message, session().doReturningWork(connection ->
                slots.alternatives(connection, clinic, start, provNum, length, patNum, ignore)));
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    private static void filter(StringBuilder query, Map<String, Object> values, String field, Optional<Long> value) {
        value.ifPresent(v -> {
            query.append(" and ").append(field).append(" = :").append(field);
            values.put(field, v);
        });
    }

    private static AppointmentStatus parseStatus(String value) {
        // A no-show is what OpenDental calls Broken.
        if (value.equalsIgnoreCase("NoShow") || value.equalsIgnoreCase("No-show")) {
            return AppointmentStatus.Broken;
        }
        for (AppointmentStatus status : AppointmentStatus.values()) {
            if (status.name().equalsIgnoreCase(value)) {
                return status;
            }
        }
        throw BookingException.invalid("AptStatus",
                "AptStatus must be one of Scheduled, Complete, Broken (a no-show), Cancelled");
    }
}
