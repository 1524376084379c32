package com.dentaldesk.booking.console.schedule;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.dentaldesk.booking.appointments.AppointmentService;
import com.dentaldesk.booking.audit.AuditTrail;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.SignedInClinic;
import com.dentaldesk.booking.console.schedule.AppointmentViews.AppointmentSummary;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.functions.Params;

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
    private static final Map<String, String> DONE = Map.of("booked", "Booked.", "complete", "Marked as completed.", "no-show",
            "Marked as a no-show; the time is free again.", "cancel", "Cancelled; the time is free again.",
            "schedule-again", "Scheduled again.");

    @CheckedTemplate(basePath = "console/schedule")
    static class Templates {
        static native TemplateInstance appointment(AppointmentSummary appointment, String done, String error);
    }

    private final AppointmentViews views;
    private final AppointmentService appointments;
    private final AuditTrail audit;
    private final SignedInClinic signedIn;

    public AppointmentPage(AppointmentViews views, AppointmentService appointments, AuditTrail audit,
            SignedInClinic signedIn) {
        this.views = views;
        this.appointments = appointments;
        this.audit = audit;
        this.signedIn = signedIn;
    }

    @GET
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("done") String done) {
        return Templates.appointment(find(id), done == null ? null : DONE.get(done), null);
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
            return Console.rejected(refused, Templates.appointment(find(id), null, refused.error().message()));
        }
        audit.record(signedIn.actor(), AUDITED.get(action), "Appointment " + id);
        return Console.seeOther(href(id) + "?done=" + action).build();
    }

    public static String href(long id) {
        return Console.SCHEDULE + "/appointments/" + id;
    }

    private AppointmentSummary find(long id) {
        return views.summary(id).orElseThrow(() -> BookingException.notFound("Appointment " + id));
    }
}
