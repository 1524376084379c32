package com.dentaldesk.booking.console.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.appointments.AppointmentEntity;
import com.dentaldesk.booking.appointments.AppointmentRepository;
import com.dentaldesk.booking.confirmations.ConfirmationCall;
import com.dentaldesk.booking.confirmations.ConfirmationCalls;
import com.dentaldesk.booking.console.Display;
import com.dentaldesk.booking.operatories.OperatoryEntity;
import com.dentaldesk.booking.operatories.OperatoryService;
import com.dentaldesk.booking.patients.PatientEntity;
import com.dentaldesk.booking.patients.PatientRepository;
import com.dentaldesk.booking.providers.ProviderEntity;
import com.dentaldesk.booking.providers.ProviderService;
import com.dentaldesk.booking.tenancy.TenantContext;

/** Appointments as the console shows them (on the schedule and on the call that booked them), clinic-local. */
@ApplicationScoped
@Transactional
public class AppointmentViews {

    /**
     * One appointment: when (clinic-local), who, with whom, where, the schedule day it is on, and where its
     * confirmation call stands ({@code confirmation} a status code, null without a call).
     */
    public record AppointmentSummary(long id, String day, String time, String patient, String provider, String room,
            String status, String type, String scheduleHref, String confirmation, String confirmationLabel) {
    }

    private final AppointmentRepository appointments;
    private final PatientRepository patients;
    private final ProviderService providers;
    private final OperatoryService operatories;
    private final TenantContext tenant;
    private final ConfirmationCalls confirmations;

    public AppointmentViews(AppointmentRepository appointments, PatientRepository patients, ProviderService providers,
            OperatoryService operatories, TenantContext tenant, ConfirmationCalls confirmations) {
        this.confirmations = confirmations;
        this.appointments = appointments;
        this.patients = patients;
        this.providers = providers;
        this.operatories = operatories;
        this.tenant = tenant;
    }

    public Optional<AppointmentSummary> summary(long id) {
        return appointments.findByIdOptional(id).map(appointment -> summaries(List.of(appointment)).get(0));
    }

    /** Summaries in the given order, looking every patient, provider and room up once. */
    public List<AppointmentSummary> summaries(List<AppointmentEntity> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        ZoneId zone = tenant.zone();
        Map<Long, PatientEntity> people = byId(patients.list("id in ?1", ids(list, a -> a.patientId)), p -> p.id);
        Map<Long, ProviderEntity> staff = byId(providers.list("id in ?1", ids(list, a -> a.providerId)), p -> p.id);
        Map<Long, OperatoryEntity> rooms = byId(operatories.list("id in ?1", ids(list, a -> a.operatoryId)), o -> o.id);
        Map<Long, ConfirmationCall> calls = byId(confirmations.forAppointments(ids(list, a -> a.id)),
                c -> c.appointmentId);
        return list.stream().map(a -> {
            LocalDate day = a.startsAt.atZone(zone).toLocalDate();
            PatientEntity patient = people.get(a.patientId);
            ProviderEntity provider = staff.get(a.providerId);
            OperatoryEntity room = rooms.get(a.operatoryId);
            ConfirmationCall call = calls.get(a.id);
            return new AppointmentSummary(a.id, Display.day(day),
                    Display.time(a.startsAt, zone) + " – " + Display.time(a.endsAt, zone),
                    patient == null ? "Patient #" + a.patientId : patient.firstName + " " + patient.lastName,
                    provider == null ? "" : provider.displayName(), room == null ? "" : room.name, a.status.name(),
                    a.type, DayViews.href(day), call == null ? null : call.status.dbValue(),
                    call == null ? null : call.status.label());
        }).toList();
    }

    private static List<Long> ids(List<AppointmentEntity> list, Function<AppointmentEntity, Long> id) {
        return list.stream().map(id).distinct().toList();
    }

    private static <T> Map<Long, T> byId(Collection<T> rows, Function<T, Long> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
