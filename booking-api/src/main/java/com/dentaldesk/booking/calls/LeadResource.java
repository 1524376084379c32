package com.dentaldesk.booking.calls;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.dentaldesk.contracts.booking.ApiResponse;
import com.dentaldesk.contracts.calls.Lead;
import com.dentaldesk.contracts.calls.LeadRequest;

/** Callbacks owed by the front desk: taken by the gateway, created for unbooked calls, closed by staff. */
@Path("/api/leads")
public class LeadResource {

    private final LeadService leads;

    public LeadResource(LeadService leads) {
        this.leads = leads;
    }

    @GET
    public ApiResponse<List<Lead>> list(@QueryParam("status") String status) {
        return ApiResponse.ok(leads.listLeads(status));
    }

    @POST
    public ApiResponse<Lead> take(LeadRequest request) {
        return ApiResponse.ok(leads.take(request));
    }

    @POST
    @Path("/{id}/done")
    public ApiResponse<Lead> done(@PathParam("id") long id) {
        return ApiResponse.ok(leads.markDone(id));
    }
}
