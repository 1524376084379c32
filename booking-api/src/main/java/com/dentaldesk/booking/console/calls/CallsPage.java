package com.dentaldesk.booking.console.calls;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.calls.CallViews.CallDetail;
import com.dentaldesk.booking.console.calls.CallViews.CallList;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The clinic's calls: a list filtered by day and outcome, and one call with its transcript and what it produced. */
@Path(Console.CALLS)
public class CallsPage {

    @CheckedTemplate(basePath = "console/calls")
    static class Templates {
        static native TemplateInstance list(CallList list);

        static native TemplateInstance detail(CallDetail call);
    }

    private final CallViews calls;

    public CallsPage(CallViews calls) {
        this.calls = calls;
    }

    @GET
    public TemplateInstance list(@QueryParam("day") String day, @QueryParam("outcome") String outcome) {
        return Templates.list(calls.list(day, outcome));
    }

    @GET
    @Path("/{callId}")
    public TemplateInstance detail(@PathParam("callId") String callId) {
        return Templates.detail(calls.detail(callId));
    }
}
