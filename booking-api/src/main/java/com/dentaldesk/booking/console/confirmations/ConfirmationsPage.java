package com.dentaldesk.booking.console.confirmations;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.dentaldesk.booking.appointments.AppointmentEntity;
import com.dentaldesk.booking.appointments.AppointmentRepository;
import com.dentaldesk.booking.audit.AuditTrail;
import com.dentaldesk.booking.confirmations.ConfirmationCall;
import com.dentaldesk.booking.confirmations.ConfirmationCalls;
import com.dentaldesk.booking.confirmations.ConfirmationSettings;
import com.dentaldesk.booking.confirmations.ConfirmationSettingsStore;
import com.dentaldesk.booking.confirmations.ConfirmationSettingsView;
import com.dentaldesk.booking.confirmations.ConfirmationStatus;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.Display;
import com.dentaldesk.booking.console.SignedInClinic;
import com.dentaldesk.booking.console.schedule.AppointmentViews;
import com.dentaldesk.booking.console.schedule.AppointmentViews.AppointmentSummary;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.booking.time.ClinicTime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Confirmation calls as the front desk follows them: who is to be called, who confirmed, cancelled or moved, who
 * did not answer. The owner turns the calls on and sets when they go out (the settings form is owner-only, see
 * {@link Console#CONFIRMATION_SETTINGS}).
 */
@Path(Console.CONFIRMATIONS)
public class ConfirmationsPage {

    /** One visit's confirmation call as listed. */
    public record Row(String visit, String patient, String provider, String status, String label, int attempts,
            String detail, String href) {
    }

    /** The settings as the form shows them; {@code days} holds the chosen three-letter codes. */
    public record SettingsForm(boolean enabled, int hoursBefore, String callingFrom, String callingUntil,
            List<String> days, int retries, int retryAfterMinutes, boolean newPatientsOnly, String types) {
    }

    /** {@code cannotCall}: why calls could not go out now (shown to the owner), or null. */
    public record ConfirmationsView(SettingsForm settings, List<DayChoice> days, String cannotCall,
            List<Row> rows, String notice, String error) {
    }

    /** A day's checkbox: {@code MON}, shown as "Mon". */
    public record DayChoice(String code, String label, boolean checked) {
    }

    @CheckedTemplate(basePath = "console/confirmations")
    static class Templates {
        static native TemplateInstance list(ConfirmationsView view);
    }

    /** How far ahead the list looks: the calls go out the day before, so a week covers every open one. */
    private static final int DAYS_SHOWN = 7;

    private final ConfirmationCalls calls;
    private final ConfirmationSettingsStore settingsStore;
    private final TenantContext tenant;
    private final ClinicTime clinicTime;
    private final AppointmentRepository appointments;
    private final AppointmentViews appointmentViews;
    private final SignedInClinic signedIn;
    private final AuditTrail audit;
    private final Clock clock;

    public ConfirmationsPage(ConfirmationCalls calls, ConfirmationSettingsStore settingsStore, TenantContext tenant,
            ClinicTime clinicTime, AppointmentRepository appointments, AppointmentViews appointmentViews,
            SignedInClinic signedIn, AuditTrail audit, Clock clock) {
        this.appointmentViews = appointmentViews;
        this.calls = calls;
        this.settingsStore = settingsStore;
        this.tenant = tenant;
        this.clinicTime = clinicTime;
        this.appointments = appointments;
        this.signedIn = signedIn;
        this.audit = audit;
        this.clock = clock;
    }

    @GET
    public TemplateInstance list(@QueryParam("saved") boolean saved) {
        return QuarkusTransaction.requiringNew().call(() -> Templates.list(view(
                null, saved ? "Saved. The next round of calls uses these settings." : null,
                null)));
    }

    @POST
    @Path("/settings")
    public Response save(@FormParam("enabled") String enabled, @FormParam("hoursBefore") String hoursBefore,
            @FormParam("callingFrom") String callingFrom, @FormParam("callingUntil") String callingUntil,
            @FormParam("days") List<String> days, @FormParam("retries") String retries,
            @FormParam("retryAfterMinutes") String retryAfterMinutes,
            @FormParam("newPatientsOnly") String newPatientsOnly, @FormParam("types") String types) {
        SettingsForm typed = new SettingsForm(enabled != null, number(hoursBefore), callingFrom, callingUntil,
                days == null ? List.of() : days, number(retries), number(retryAfterMinutes), newPatientsOnly != null,
                types == null ? "" : types);
        try {
            ConfirmationSettingsView change = new ConfirmationSettingsView(typed.enabled(),
                    required("hoursBefore", "Hours before the visit", hoursBefore, typed.hoursBefore()), callingFrom,
                    callingUntil, typed.days(), required("retries", "Tries again", retries, typed.retries()),
                    required("retryAfterMinutes", "Minutes between tries", retryAfterMinutes,
                            typed.retryAfterMinutes()),
                    typed.newPatientsOnly(), Arrays.stream(typed.types().split(",")).map(String::strip)
                            .filter(type -> !type.isEmpty()).toList());
            QuarkusTransaction.requiringNew().run(() -> {
                settingsStore.update(change, clock.instant());
                audit.record(signedIn.actor(), typed.enabled() ? "Changed confirmation calls (on)"
                        : "Changed confirmation calls (off)", null);
            });
            return Console.seeOther(Console.CONFIRMATIONS + "?saved=true").build();
        } catch (BookingException e) {
            return Console.rejected(e, QuarkusTransaction.requiringNew().call(() -> Templates.list(
                    view(typed, null, e.getMessage()))));
        }
    }

    private ConfirmationsView view(SettingsForm typed, String notice, String error) {
        SettingsForm settings = typed != null ? typed : form(settingsStore.current());
        LocalDate today = clinicTime.today();
        List<ConfirmationCall> listed = calls.between(clinicTime.startOfDay(today),
                clinicTime.startOfDay(today.plusDays(DAYS_SHOWN + 1)));
        List<AppointmentEntity> booked = listed.isEmpty() ? List.of()
                : appointments.list("id in ?1", listed.stream().map(call -> call.appointmentId).toList());
        Map<Long, AppointmentSummary> visits = appointmentViews.summaries(booked).stream()
                .collect(Collectors.toMap(AppointmentSummary::id, Function.identity()));
        List<Row> rows = listed.stream().map(call -> {
            AppointmentSummary visit = visits.get(call.appointmentId);
            return new Row(Display.dateTime(call.appointmentStartsAt, tenant.zone()),
                    visit == null ? "" : visit.patient(), visit == null ? "" : visit.provider(),
                    call.status.dbValue(), call.status.label(), call.attempts, detail(call),
                    Console.SCHEDULE + "/appointments/" + call.appointmentId);
        }).toList();
        List<DayChoice> days = Arrays.stream(DayOfWeek.values()).map(ConfirmationSettings::code)
                .map(code -> new DayChoice(code, code.charAt(0) + code.substring(1).toLowerCase(Locale.ROOT),
                        settings.days().contains(code)))
                .toList();
        return new ConfirmationsView(settings, days, settingsStore.cannotCall().orElse(null), rows, notice, error);
    }

    private String detail(ConfirmationCall call) {
        if (call.status == ConfirmationStatus.DUE && call.nextAttemptAt != null) {
            return (call.detail == null ? "" : call.detail + ". ") + "Next call "
                    + Display.dateTime(call.nextAttemptAt, tenant.zone());
        }
        return call.detail == null ? "" : call.detail;
    }

    /** The stored settings as the API shows them, with the types as one line to edit. */
    private static SettingsForm form(ConfirmationSettings stored) {
        ConfirmationSettingsView s = ConfirmationSettingsView.of(stored);
        return new SettingsForm(s.enabled(), s.hoursBefore(), s.callingFrom(), s.callingUntil(), s.callingDays(),
                s.retries(), s.retryAfterMinutes(), s.newPatientsOnly(), String.join(", ", s.appointmentTypes()));
    }

    /** A number as typed; -1 when it is not one (refused by {@link #required}). */
    private static int number(String typed) {
        try {
            return typed == null ? -1 : Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int required(String field, String label, String typed, int parsed) {
        if (parsed < 0) {
            throw BookingException.invalid(field, label + " must be a whole number (you wrote \""
                    + (typed == null ? "" : typed.strip()) + "\")");
        }
        return parsed;
    }
}
