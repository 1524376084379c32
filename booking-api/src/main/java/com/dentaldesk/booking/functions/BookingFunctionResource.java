package com.dentaldesk.booking.functions;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.dentaldesk.contracts.booking.ApiResponse;
import com.dentaldesk.contracts.booking.FunctionCall;

/** The unified function endpoint that agents, web chat and automations call with OpenDental-style functions. */
@Path("/api/booking")
public class BookingFunctionResource {

    private final FunctionExecutor executor;

    public BookingFunctionResource(FunctionExecutor executor) {
        this.executor = executor;
    }

    @POST
    @Operation(summary = "Run one booking function",
            description = "functionName is one of BookingFunction; times are clinic-local YYYY-MM-DD HH:mm:ss."
                    + " Writes honour Idempotency-Key.")
    public ApiResponse<Object> call(FunctionCall call, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (call == null) {
            throw com.dentaldesk.booking.errors.BookingException.missing(java.util.List.of("functionName"));
        }
        return FunctionExecutor.envelope(executor.execute(call.functionName(), call.parameters(), call.sessionId(),
                idempotencyKey));
    }
}
