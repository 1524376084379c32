package com.dentaldesk.booking.confirmations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.booking.time.ClinicTime;
import com.dentaldesk.contracts.booking.ApiResponse;
import com.dentaldesk.contracts.booking.ConfirmationAnswer;

/**
 * Confirmation calls for the clinic's key: the settings, and the calls of a range of days with their outcomes. The
 * receptionist (the gateway's service credential) reports what the patient said in a confirmation call.
 */
@Path("/api/confirmations")
@Transactional
public class ConfirmationResource {

    private static final int MAX_RANGE_DAYS = 62;

    private final ConfirmationCalls calls;
    private final ConfirmationSettingsStore settings;
    private final TenantContext tenant;
    private final ClinicTime clinicTime;
    private final Clock clock;

    public ConfirmationResource(ConfirmationCalls calls, ConfirmationSettingsStore settings, TenantContext tenant,
            ClinicTime clinicTime, Clock clock) {
        this.calls = calls;
        this.settings = settings;
        this.tenant = tenant;
        this.clinicTime = clinicTime;
        this.clock = clock;
    }

    @GET
    @Path("/settings")
    public ApiResponse<ConfirmationSettingsView> settings() {
        requireClinicKey();
        return ApiResponse.ok(ConfirmationSettingsView.of(settings.current()));
    }

    @PUT
    @Path("/settings")
    public ApiResponse<ConfirmationSettingsView> updateSettings(ConfirmationSettingsView change) {
        requireClinicKey();
        if (change == null) {
            throw BookingException.missing(List.of("enabled"));
        }
        return ApiResponse.ok(ConfirmationSettingsView.of(
                settings.update(change, clock.instant())));
    }

    /** The calls about appointments on the clinic's days {@code from}..{@code to} (default: today and tomorrow). */
    @GET
    public ApiResponse<List<ConfirmationView>> list(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first = date("from", from, clinicTime.today());
        LocalDate last = date("to", to, first.plusDays(1));
        if (last.isBefore(first) || first.plusDays(MAX_RANGE_DAYS).isBefore(last)) {
            throw BookingException.invalid("to", "to must be on or after from, within " + MAX_RANGE_DAYS + " days");
        }
        return ApiResponse.ok(calls.between(clinicTime.startOfDay(first), clinicTime.startOfDay(last.plusDays(1)))
                .stream().map(ConfirmationView::of).toList());
    }

    @POST
    @Path("/{appointmentId}/answer")
    public ApiResponse<ConfirmationView> answer(@PathParam("appointmentId") long appointmentId, ConfirmationAnswer answer) {
        if (!tenant.isService()) {
            throw BookingException.unauthorized("Only the receptionist reports a patient's answer");
        }
        if (answer == null || answer.callId() == null || answer.answer() == null) {
            throw BookingException.missing(List.of("callId", "answer"));
        }
        ConfirmationStatus status;
        try {
            status = ConfirmationStatus.valueOf(answer.answer().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BookingException.invalid("answer", "answer must be confirmed, opted_out or voicemail");
        }
        return ApiResponse.ok(ConfirmationView.of(calls.answer(appointmentId, answer.callId(), status,
                clock.instant())));
    }

    /** The clinic's settings are the clinic's: the receptionist's service credential neither reads nor sets them. */
    private void requireClinicKey() {
        if (tenant.isService()) {
            throw BookingException.unauthorized("Confirmation settings are changed with the clinic's own key");
        }
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BookingException.invalid(field, field + " must be a date like 2026-12-01");
        }
    }
}
