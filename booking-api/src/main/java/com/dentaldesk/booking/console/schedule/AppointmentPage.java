package com.dentaldesk.booking.console.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.dentaldesk.booking.appointments.AppointmentEntity;
import com.dentaldesk.booking.appointments.AppointmentService;
import com.dentaldesk.booking.audit.AuditTrail;
import com.dentaldesk.booking.console.Choice;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.SignedInClinic;
import com.dentaldesk.booking.console.schedule.AppointmentViews.AppointmentSummary;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.functions.Params;
import com.dentaldesk.booking.providers.ProviderService;
import com.dentaldesk.booking.time.ClinicTime;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One appointment, and what the front desk marks of it: completed, a no-show, cancelled, or scheduled again. Each
 * goes through UpdateAppointment, so the rules and refusals are the API's (a visit is completed only once it has
 * begun; a time is taken back only while it is free).
 */
@Path(Console.SCHEDULE + "/appointments/{id}")
public class AppointmentPage {

    /** The form's actions and the status each sets. */
    private static final Map<String, String> STATUSES = Map.of("complete", "Complete", "no-show", "Broken",
            "cancel", "Cancelled", "schedule-again", "Scheduled");
    private static final Map<String, String> AUDITED = Map.of("complete", "Marked an appointment completed",
            "no-show", "Marked an appointment a no-show", "cancel", "Cancelled an appointment", "schedule-again",
            "Scheduled an appointment again");
    private static final Map<String, String> DONE = Map.of("booked", "Booked.", "moved", "Moved.", "complete", "Marked as completed.", "no-show",
            "Marked as a no-show; the time is free again.", "cancel", "Cancelled; the time is free again.",
            "schedule-again", "Scheduled again.");

    @CheckedTemplate(basePath = "console/schedule")
    static class Templates {
        static native TemplateInstance appointment(AppointmentSummary appointment, String done, String error,
                MoveForm move, List<BookPage.Alternative> alternatives);
    }

    private final AppointmentViews views;
    private final AppointmentService appointments;
    private final ProviderService providers;
    private final ClinicTime clinicTime;
    private final AuditTrail audit;
    private final SignedInClinic signedIn;

    public AppointmentPage(AppointmentViews views, AppointmentService appointments, ProviderService providers,
            ClinicTime clinicTime, AuditTrail audit, SignedInClinic signedIn) {
        this.views = views;
        this.appointments = appointments;
        this.providers = providers;
        this.clinicTime = clinicTime;
        this.audit = audit;
        this.signedIn = signedIn;
    }

    /** The move form: the day, time and provider it holds now (or as last sent), and who else can take it. */
    public record MoveForm(String day, String time, long provider, List<Choice> providers) {
    }

    @GET
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("done") String done) {
        return page(id, done == null ? null : DONE.get(done), null, null, List.of());
    }

    /** Moves a scheduled appointment through UpdateAppointment (the room is chosen as for a booking). */
    @POST
    @Path("/move")
    public Response move(@PathParam("id") long id, @FormParam("day") String day, @FormParam("time") String time,
            @FormParam("provider") long provider) {
        MoveForm typed = moveForm(id, day, time, provider);
        try {
            String wallTime = LocalDate.parse(typed.day()) + " " + LocalTime.parse(typed.time()) + ":00";
            appointments.update(new Params(Map.of("AptNum", id, "AptDateTime", wallTime, "ProvNum", provider)));
        } catch (DateTimeParseException e) {
            return Console.rejected(BookingException.invalid("day", "Choose a day and a time"),
                    page(id, null, "Choose a day and a time.", typed, List.of()));
        } catch (BookingException refused) {
            List<BookPage.Alternative> alternatives = refused.error().alternatives().stream()
                    .map(BookPage::alternative).toList();
            return Console.rejected(refused, page(id, null, refused.error().message(), typed, alternatives));
        }
        audit.record(signedIn.actor(), "Moved an appointment", "Appointment " + id + " to " + typed.day() + " "
                + typed.time());
        return Console.seeOther(href(id) + "?done=moved").build();
    }

    @POST
    @Path("/{action}")
    public Response mark(@PathParam("id") long id, @PathParam("action") String action) {
        String status = STATUSES.get(action);
        if (status == null) {
            throw BookingException.notFound("Action " + action);
        }
        try {
            appointments.update(new Params(Map.of("AptNum", id, "AptStatus", status)));
        } catch (BookingException refused) {
            return Console.rejected(refused, page(id, null, refused.error().message(), null, List.of()));
        }
        audit.record(signedIn.actor(), AUDITED.get(action), "Appointment " + id);
        return Console.seeOther(href(id) + "?done=" + action).build();
    }

    public static String href(long id) {
        return Console.SCHEDULE + "/appointments/" + id;
    }

    private TemplateInstance page(long id, String done, String error, MoveForm move,
            List<BookPage.Alternative> alternatives) {
        return Templates.appointment(find(id), done, error, move == null ? moveForm(id, null, null, 0) : move,
                alternatives);
    }

    /** The form as sent, or the appointment's own day, time and provider. */
    private MoveForm moveForm(long id, String day, String time, long provider) {
        AppointmentEntity appointment = appointments.require(id);
        LocalDateTime now = appointment.startsAt.atZone(clinicTime.zone()).toLocalDateTime();
        List<Choice> people = providers.listVisible().stream()
                .map(p -> new Choice(p.provNum(), p.firstName() + " " + p.lastName())).toList();
        return new MoveForm(day == null || day.isBlank() ? now.toLocalDate().toString() : day.strip(),
                time == null || time.isBlank() ? now.toLocalTime().toString() : time.strip(),
                provider == 0 ? appointment.providerId : provider, people);
    }

    private AppointmentSummary find(long id) {
        return views.summary(id).orElseThrow(() -> BookingException.notFound("Appointment " + id));
    }
}
