package com.dentaldesk.contracts.booking;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The functions of {@code POST /api/booking}, with the OpenDental-style names the predecessor's prompts and
 * other channels already use.
 */
public enum BookingFunction {
    GetMultiplePatients(false),
    GetPatient(false),
    CreatePatient(true),
    UpdatePatient(true),
    GetProviders(false),
    GetProvider(false),
    CreateProvider(true),
    UpdateProvider(true),
    DeleteProvider(true),
    GetOperatories(false),
    GetOperatory(false),
    CreateOperatory(true),
    UpdateOperatory(true),
    DeleteOperatory(true),
    GetAvailableSlots(false),
    GetAppointments(false),
    CreateAppointment(true),
    UpdateAppointment(true),
    BreakAppointment(true),
    DeleteAppointment(true),
    GetSchedules(false),
    CreateSchedule(true),
    UpdateSchedule(true),
    DeleteSchedule(true),
    CreateDefaultSchedules(true),
    CheckScheduleConflicts(false);

    private final boolean write;

    BookingFunction(boolean write) {
        this.write = write;
    }

    /** Writes change the clinic's data and honour {@code Idempotency-Key}. */
    public boolean isWrite() {
        return write;
    }

    public static Optional<BookingFunction> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
