package com.dentaldesk.booking.functions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.appointments.AppointmentBooking;
import com.dentaldesk.booking.appointments.AppointmentService;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.idempotency.Idempotency;
import com.dentaldesk.booking.observability.BookingMetrics;
import com.dentaldesk.booking.operatories.OperatoryService;
import com.dentaldesk.booking.patients.PatientService;
import com.dentaldesk.booking.providers.ProviderService;
import com.dentaldesk.booking.schedules.ScheduleService;
import com.dentaldesk.booking.slots.SlotFinder;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.contracts.booking.ApiError;
import com.dentaldesk.contracts.booking.ApiResponse;
import com.dentaldesk.contracts.booking.BookingFunction;
import com.dentaldesk.contracts.booking.ErrorCode;
import com.dentaldesk.contracts.booking.NextAction;

/**
 * Runs one booking function for the current clinic. Both the unified {@code POST /api/booking} endpoint and the
 * plain REST resources come through here, so validation, errors and idempotency are the same everywhere.
 */
@ApplicationScoped
public class FunctionExecutor {

    private final PatientService patients;
    private final ProviderService providers;
    private final OperatoryService operatories;
    private final ScheduleService schedules;
    private final AppointmentService appointments;
    private final AppointmentBooking booking;
    private final SlotFinder slots;
    private final Idempotency idempotency;
    private final TenantContext tenant;

    public FunctionExecutor(PatientService patients, ProviderService providers, OperatoryService operatories,
            ScheduleService schedules, AppointmentService appointments, AppointmentBooking booking, SlotFinder slots,
            Idempotency idempotency, TenantContext tenant) {
        this.patients = patients;
        this.providers = providers;
        this.operatories = operatories;
        this.schedules = schedules;
        this.appointments = appointments;
        this.booking = booking;
        this.slots = slots;
        this.idempotency = idempotency;
        this.tenant = tenant;
    }

    public Object execute(String functionName, Map<String, Object> parameters, String sessionId,
            String idempotencyKey) {
        BookingFunction function = BookingFunction.byName(functionName == null ? "" : functionName.trim())
                .orElseThrow(() -> new BookingException(new ApiError(ErrorCode.NOT_FOUND,
                        "Unknown function '" + functionName + "'. Known functions: "
                                + String.join(", ", BookingFunction.names()),
                        NextAction.INFORM_USER, List.of(), List.of())));
        return execute(function, parameters, sessionId, idempotencyKey);
    }

    public Object execute(BookingFunction function, Map<String, Object> parameters, String sessionId,
            String idempotencyKey) {
        // Every function acts for one clinic; the service token without X-Clinic-Slug names none.
        tenant.organizationId();
        try {
            Optional<String> key = function.isWrite() && idempotencyKey != null && !idempotencyKey.isBlank()
                    ? Optional.of(idempotencyKey.trim()) : Optional.empty();
            Object result;
            if (function == BookingFunction.CreateAppointment) {
                // A booking keeps its key in its own transaction.
                result = booking.create(parameters, sessionId, key);
            } else if (key.isPresent()) {
                result = idempotency.once(key.get(), function.name(), parameters,
                        () -> dispatch(function, new Params(parameters)));
            } else {
                result = dispatch(function, new Params(parameters));
            }
            BookingMetrics.function(function.name(), "ok");
            return result;
        } catch (BookingException e) {
            BookingMetrics.function(function.name(), e.error().code().name());
            throw e;
        } catch (RuntimeException e) {
            BookingMetrics.function(function.name(), "INTERNAL");
            throw e;
        }
    }

    /** The envelope of a function's result: a {@link Page} puts its cursor beside the data. */
    public static ApiResponse<Object> envelope(Object result) {
        return result instanceof Page<?> page ? ApiResponse.page(page.items(), page.next()) : ApiResponse.ok(result);
    }

    private Object dispatch(BookingFunction function, Params p) {
        return switch (function) {
            case GetMultiplePatients -> patients.search(p);
            case GetPatient -> patients.get(p);
            case CreatePatient -> patients.create(p);
            case UpdatePatient -> patients.update(p);
            case GetProviders -> providers.list(p);
            case GetProvider -> providers.get(p);
            case CreateProvider -> providers.create(p);
            case UpdateProvider -> providers.update(p);
            case DeleteProvider -> providers.delete(p);
            case GetOperatories -> operatories.list(p);
            case GetOperatory -> operatories.get(p);
            case CreateOperatory -> operatories.create(p);
            case UpdateOperatory -> operatories.update(p);
            case DeleteOperatory -> operatories.delete(p);
            case GetAvailableSlots -> slots.find(p);
            case GetAppointments -> appointments.list(p);
            case CreateAppointment -> throw new IllegalStateException("A booking runs in AppointmentBooking");
            case UpdateAppointment -> appointments.update(p);
            case BreakAppointment -> appointments.breakAppointment(p);
            case DeleteAppointment -> appointments.cancel(p);
            case GetSchedules -> schedules.list(p);
            case CreateSchedule -> schedules.create(p);
            case UpdateSchedule -> schedules.update(p);
            case DeleteSchedule -> schedules.delete(p);
            case CreateDefaultSchedules -> schedules.createDefaults(p);
            case CheckScheduleConflicts -> schedules.conflicts(p);
        };
    }
}
