package com.dentaldesk.booking.appointments;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.functions.Params;
import com.dentaldesk.booking.idempotency.Idempotency;
import com.dentaldesk.booking.idempotency.IdempotentRequest;
import com.dentaldesk.booking.slots.SlotFinder;
import com.dentaldesk.booking.tenancy.ClinicTransaction;
import com.dentaldesk.booking.time.ClinicTime;
import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.contracts.booking.AppointmentStatus;
import com.dentaldesk.contracts.booking.BookingFunction;

/**
 * CreateAppointment, the write every booking call ends in, in a {@link ClinicTransaction}: a profile of racing
 * bookings (JFR execution samples) put the JTA transaction, its CDI events and the Hibernate session at a third of a
 * booking's CPU, for a write that needs no entity. Two round trips and the commit: the key's lock and lookup with
 * who and where is booked, the provider's hours and the new id; then the insert (the exclusion constraints decide
 * every race) with the stored answer in the same statement. A refused booking's alternatives read on the same
 * connection.
 */
@ApplicationScoped
public class AppointmentBooking {

    private final ClinicTransaction transaction;
    private final Idempotency idempotency;
    private final SlotFinder slots;
    private final ClinicTime clinicTime;

    public AppointmentBooking(ClinicTransaction transaction, Idempotency idempotency, SlotFinder slots,
            ClinicTime clinicTime) {
        this.transaction = transaction;
        this.idempotency = idempotency;
        this.slots = slots;
        this.clinicTime = clinicTime;
    }

    /** A booking from the console (no key, no call): the appointment made. */
    public Appointment create(Map<String, Object> parameters) {
        return (Appointment) create(parameters, null, Optional.empty());
    }

    /**
     * Books, once per {@code idempotencyKey} when one is given (a replay answers what the first request answered).
     * Without {@code Op} the room is auto-filled ({@link RoomAutoFill}).
     */
    public Object create(Map<String, Object> parameters, String sessionId, Optional<String> idempotencyKey) {
        Params params = new Params(parameters);
        long patNum = params.requiredLong("PatNum");
        String wallTime = params.requiredString("AptDateTime");
        long provNum = params.requiredLong("ProvNum");
        params.requireAll();
        int length = params.optionalInt("lengthMinutes").orElse(SlotFinder.DEFAULT_LENGTH);
        SlotFinder.checkLength(length);
        Optional<Long> opNum = params.optionalLong("Op");
        String type = params.optionalString("AptType").orElse(null);
        String note = params.optionalString("Note").orElse(null);
        Instant start = clinicTime.parseWallTime("AptDateTime", wallTime);
        Instant end = start.plus(Duration.ofMinutes(length));
        LocalDate day = clinicTime.dateOf(start);
        Optional<IdempotentRequest> once = idempotencyKey
                .map(key -> idempotency.request(key, BookingFunction.CreateAppointment.name(), parameters));

        return transaction.write((connection, clinic) -> {
            BookingParties.Parties who;
            long id;
            try (PreparedStatement first = ClinicTransaction.prepare(connection, clinic,
                    once.map(request -> IdempotentRequest.SQL + ";\n").orElse("") + BookingParties.SQL + ";\n"
                            + OverlapSafeWriter.NEXT_ID)) {
                int next = 2;
                if (once.isPresent()) {
                    next = once.get().bind(first, next, clinic);
                }
                BookingParties.bind(first, next, clinic, patNum, provNum, day, opNum);
                ClinicTransaction.results(first);
                if (once.isPresent()) {
                    Optional<Object> replay = once.get().replay(first);
                    if (replay.isPresent()) {
                        return replay.get();
                    }
                }
                // After the replay: an answered booking replayed once its time has passed still gets its answer.
                if (start.isBefore(clinicTime.now())) {
                    throw BookingException.invalid("AptDateTime", "AptDateTime is in the past");
                }
                who = BookingParties.read(first, patNum, provNum, day, opNum);
                first.getMoreResults();
                try (ResultSet nextId = first.getResultSet()) {
                    nextId.next();
                    id = nextId.getLong(1);
                }
            }
            Optional<Long> room = opNum.isPresent() ? opNum
                    : RoomAutoFill.choose(connection, clinic, clinicTime, who.providerHours(), start, end,
                            Optional.empty());
            if (room.isEmpty()) {
                throw BookingException.slotTaken(RoomAutoFill.NO_ROOM,
                        slots.alternatives(connection, clinic, start, provNum, length, patNum, Optional.empty()));
            }
            // The answer is exactly what is inserted, so it is known (and stored) before the insert runs.
            Appointment booked = new Appointment(id, patNum, provNum, room.get(), clinicTime.format(start),
                    clinicTime.format(end), length, AppointmentStatus.Scheduled, type, note, who.providerName());
            try (PreparedStatement insert = connection.prepareStatement("with booked as (" + OverlapSafeWriter.INSERT
                    + ")" + once.map(request -> ", stored as (" + IdempotentRequest.storeWhen("booked") + ")")
                            .orElse("") + " select id from booked")) {
                int next = OverlapSafeWriter.bindInsert(insert, 1, id, clinic, patNum, provNum, room.get(), start, end,
                        type, note, sessionId);
                if (once.isPresent()) {
                    once.get().bindStore(insert, next, clinic, booked);
                }
                try (ResultSet inserted = insert.executeQuery()) {
                    if (!inserted.next()) {
                        throw BookingException.slotTaken(OverlapSafeWriter.TAKEN, slots.alternatives(connection,
                                clinic, start, provNum, length, patNum, Optional.empty()));
                    }
                }
            }
            return booked;
        });
    }
}
