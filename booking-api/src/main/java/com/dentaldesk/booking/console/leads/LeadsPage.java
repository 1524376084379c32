package com.dentaldesk.booking.console.leads;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.dentaldesk.booking.audit.AuditTrail;
import com.dentaldesk.booking.calls.LeadEntity;
import com.dentaldesk.booking.calls.LeadService;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.SignedInClinic;
import com.dentaldesk.booking.console.leads.LeadViews.LeadList;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Callbacks: the open list (default) or the done ones, and "done" once the front desk has called back. */
@Path(Console.LEADS)
public class LeadsPage {

    @CheckedTemplate(basePath = "console/leads")
    static class Templates {
        static native TemplateInstance list(LeadList list, boolean markedDone);
    }

    private final LeadViews views;
    private final LeadService leads;
    private final AuditTrail audit;
    private final SignedInClinic signedIn;

    public LeadsPage(LeadViews views, LeadService leads, AuditTrail audit, SignedInClinic signedIn) {
        this.views = views;
        this.leads = leads;
        this.audit = audit;
        this.signedIn = signedIn;
    }

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("marked") boolean marked) {
        return Templates.list(views.list(!LeadEntity.DONE.equals(status)), marked);
    }

    @POST
    @Path("/{id}/done")
    public Response done(@PathParam("id") long id) {
        leads.markDone(id);
        audit.record(signedIn.actor(), "Marked a callback done", "Lead " + id);
        return Console.seeOther(Console.LEADS + "?marked=true").build();
    }
}
