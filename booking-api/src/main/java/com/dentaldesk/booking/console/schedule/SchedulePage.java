package com.dentaldesk.booking.console.schedule;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.schedule.DayViews.DayView;
import com.dentaldesk.booking.console.schedule.WeekViews.WeekView;

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

    public SchedulePage(DayViews days, WeekViews weeks) {
        this.days = days;
        this.weeks = weeks;
    }

    @GET
    public TemplateInstance day(@QueryParam("day") String day) {
        return Templates.day(days.day(day));
    }

    @GET
    @Path("/week")
    public TemplateInstance week(@QueryParam("start") String start) {
        return Templates.week(weeks.week(start));
    }
}
