package com.dentaldesk.booking.retell;

import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Retell's REST API, used only through {@link RetellClient}. Retries: 5xx are retried (twice) everywhere. A
 * timeout is retried only where repeating is harmless (reads, deletes): a create that timed out may have
 * happened, and repeating it could place a second call or buy a second number. 4xx are never retried.
 * Answers whose fields we read are {@link RetellShapes} records; {@code JsonNode} means passed on unread.
 */
@RegisterRestClient(configKey = "retell")
@RegisterProvider(RetellResponseMapper.class)
interface RetellApi {

    @POST
    @Path("/v2/create-phone-call")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = RetellHttpException.ServerError.class,
            abortOn = RetellHttpException.Rejected.class)
    RetellShapes.PhoneCallCreated createPhoneCall(@HeaderParam("Authorization") String authorization, Map<String, Object> body);

    @POST
    @Path("/v3/create-web-call")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = RetellHttpException.ServerError.class,
            abortOn = RetellHttpException.Rejected.class)
    RetellShapes.WebCallCreated createWebCall(@HeaderParam("Authorization") String authorization, Map<String, Object> body);

    @GET
    @Path("/v2/get-call/{callId}")
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = {RetellHttpException.ServerError.class, ProcessingException.class},
            abortOn = RetellHttpException.Rejected.class)
    JsonNode getCall(@HeaderParam("Authorization") String authorization, @PathParam("callId") String callId);

    @POST
    @Path("/create-agent")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = RetellHttpException.ServerError.class,
            abortOn = RetellHttpException.Rejected.class)
    RetellShapes.AgentCreated createAgent(@HeaderParam("Authorization") String authorization, Map<String, Object> body);

    @PATCH
    @Path("/update-agent/{agentId}")
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = {RetellHttpException.ServerError.class, ProcessingException.class},
            abortOn = RetellHttpException.Rejected.class)
    JsonNode updateAgent(@HeaderParam("Authorization") String authorization, @PathParam("agentId") String agentId,
            Map<String, Object> body);

    @DELETE
    @Path("/delete-agent/{agentId}")
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = {RetellHttpException.ServerError.class, ProcessingException.class},
            abortOn = RetellHttpException.Rejected.class)
    void deleteAgent(@HeaderParam("Authorization") String authorization, @PathParam("agentId") String agentId);

    @POST
    @Path("/create-phone-number")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = RetellHttpException.ServerError.class,
            abortOn = RetellHttpException.Rejected.class)
    RetellShapes.PhoneNumberBought createPhoneNumber(@HeaderParam("Authorization") String authorization,
            RetellShapes.BuyPhoneNumber body);

    @DELETE
    @Path("/delete-phone-number/{phoneNumber}")
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = {RetellHttpException.ServerError.class, ProcessingException.class},
            abortOn = RetellHttpException.Rejected.class)
    void deletePhoneNumber(@HeaderParam("Authorization") String authorization,
            @PathParam("phoneNumber") String phoneNumber);
}
