package com.dentaldesk.voice.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.dentaldesk.contracts.booking.ConfirmationAnswer;
import com.dentaldesk.contracts.booking.FunctionCall;
import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.LeadRequest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * booking-api's HTTP surface as the gateway uses it. Returns raw responses so 409/422 bodies (alternatives,
 * missing fields) reach the caller as data; only {@link BookingApiClient} uses it.
 */
@RegisterRestClient(configKey = "booking-api")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface BookingApi {

    @GET
    @Path("/organizations/resolve")
    Response resolve(@HeaderParam("Authorization") String authorization, @QueryParam("agent_id") String agentId,
            @QueryParam("to_number") String toNumber, @QueryParam("slug") String slug);

    @POST
    @Path("/booking")
    Response call(@HeaderParam("Authorization") String authorization, @HeaderParam("X-Clinic-Slug") String clinic,
            @HeaderParam("Idempotency-Key") String idempotencyKey, FunctionCall body);

    @POST
    @Path("/confirmations/{appointmentId}/answer")
    Response answerConfirmation(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Clinic-Slug") String clinic, @PathParam("appointmentId") long appointmentId,
            ConfirmationAnswer body);

    @POST
    @Path("/leads")
    Response lead(@HeaderParam("Authorization") String authorization, @HeaderParam("X-Clinic-Slug") String clinic,
            @HeaderParam("Idempotency-Key") String idempotencyKey, LeadRequest body);

    @PUT
    @Path("/conversations/{callId}")
    Response putConversation(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Clinic-Slug") String clinic, @PathParam("callId") String callId, ConversationLog body);

    @GET
    @Path("/conversations/{callId}")
    Response getConversation(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Clinic-Slug") String clinic, @PathParam("callId") String callId);
}
