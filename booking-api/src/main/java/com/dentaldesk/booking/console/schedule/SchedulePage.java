package com.dentaldesk.booking.console.schedule;

import java.time.LocalDate;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.dentaldesk.booking.audit.AuditTrail;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.SignedInClinic;
import com.dentaldesk.booking.console.schedule.DayViews.DayView;
import com.dentaldesk.booking.console.schedule.WeekViews.WeekView;
import com.dentaldesk.booking.functions.Params;
import com.dentaldesk.booking.schedules.ScheduleService;
import com.dentaldesk.contracts.booking.Schedule;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The book by day (today by default, any day with {@code ?day=YYYY-MM-DD}) and by week ({@code /week?start=}). */
@Path(Console.SCHEDULE)
public class SchedulePage {

    @CheckedTemplate(basePath = "console/schedule")
    static class Templates {
        static native TemplateInstance day(DayView day);

        static native TemplateInstance week(WeekView week);
    }

    private final DayViews days;
    private final WeekViews weeks;
    private final ScheduleService schedules;
    private final AuditTrail audit;
    private final SignedInClinic signedIn;

    public SchedulePage(DayViews days, WeekViews weeks, ScheduleService schedules, AuditTrail audit,
            SignedInClinic signedIn) {
        this.days = days;
        this.weeks = weeks;
        this.schedules = schedules;
        this.audit = audit;
        this.signedIn = signedIn;
    }

    @GET
    public TemplateInstance day(@QueryParam("day") String day) {
        return Templates.day(days.day(day));
    }

    /**
     * Removes one stretch of working hours (a provider off that afternoon): no new times are offered in it; the
     * appointments already in it stay booked (the day's page still shows them).
     */
    @POST
    @Path("/hours/{id}/remove")
    public Response removeHours(@PathParam("id") long id) {
        Schedule removed = QuarkusTransaction.requiringNew().call(() -> {
            Schedule schedule = schedules.delete(new Params(Map.of("ScheduleNum", id)));
            audit.record(signedIn.actor(), "Removed working hours", "Provider " + schedule.provNum() + " on "
                    + schedule.schedDate());
            return schedule;
        });
        return Console.seeOther(DayViews.href(LocalDate.parse(removed.schedDate()))).build();
    }

    @GET
    @Path("/week")
    public TemplateInstance week(@QueryParam("start") String start) {
        return Templates.week(weeks.week(start));
    }
}
