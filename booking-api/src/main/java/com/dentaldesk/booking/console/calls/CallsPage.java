package com.dentaldesk.booking.console.calls;

import java.util.Map;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.dentaldesk.booking.audit.AuditTrail;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.SignedInClinic;
import com.dentaldesk.booking.console.calls.CallViews.CallDetail;
import com.dentaldesk.booking.console.calls.CallViews.CallList;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.livecalls.LiveCallText;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The clinic's calls: a list filtered by day and outcome, and one call with its transcript and what it produced. */
@Path(Console.CALLS)
public class CallsPage {

    @CheckedTemplate(basePath = "console/calls")
    static class Templates {
        static native TemplateInstance list(CallList list);

        static native TemplateInstance detail(CallDetail call, String said, String error);
    }

    private static final Map<String, String> SAID = Map.of("speak", "Sent: the receptionist says it now.",
            "instruct", "Sent: the receptionist follows it from the caller's next words.",
            "transfer", "The caller is being put through to the transfer number.");

    private final CallViews calls;
    private final LiveCallText liveCalls;
    private final AuditTrail audit;
    private final SignedInClinic signedIn;

    public CallsPage(CallViews calls, LiveCallText liveCalls, AuditTrail audit, SignedInClinic signedIn) {
        this.calls = calls;
        this.liveCalls = liveCalls;
        this.audit = audit;
        this.signedIn = signedIn;
    }

    /** Staff text into the live call: spoken at once, or an instruction for the receptionist. */
    @POST
    @Path("/{callId}/say")
    public Response say(@PathParam("callId") String callId, @FormParam("text") String text,
            @FormParam("mode") String mode) {
        String chosen = "instruct".equals(mode) || "transfer".equals(mode) ? mode : "speak";
        try {
            liveCalls.send(callId, text, chosen);
        } catch (BookingException refused) {
            return Console.rejected(refused, Templates.detail(calls.detail(callId), null, refused.getMessage()));
        }
        audit.record(signedIn.actor(), switch (chosen) {
            case "instruct" -> "Instructed the receptionist in a live call";
            case "transfer" -> "Put a live call through to the front desk";
            default -> "Spoke into a live call";
        }, "Call " + callId);
        return Console.seeOther(Console.CALLS + "/" + callId + "?said=" + chosen).build();
    }

    @GET
    public TemplateInstance list(@QueryParam("day") String day, @QueryParam("outcome") String outcome) {
        return Templates.list(calls.list(day, outcome));
    }

    @GET
    @Path("/{callId}")
    public TemplateInstance detail(@PathParam("callId") String callId, @QueryParam("said") String said) {
        return Templates.detail(calls.detail(callId), said == null ? null : SAID.get(said), null);
    }
}
