package com.dentaldesk.booking.console.schedule;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.schedule.DayViews.DayView;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The day view of the book: today by default, any day with {@code ?day=YYYY-MM-DD}. */
@Path(Console.SCHEDULE)
public class SchedulePage {

    @CheckedTemplate(basePath = "console/schedule")
    static class Templates {
        static native TemplateInstance day(DayView day);
    }

    private final DayViews days;

    public SchedulePage(DayViews days) {
        this.days = days;
    }

    @GET
    public TemplateInstance day(@QueryParam("day") String day) {
        return Templates.day(days.day(day));
    }
}
