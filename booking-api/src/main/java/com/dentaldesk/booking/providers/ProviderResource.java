package com.dentaldesk.booking.providers;

import static com.dentaldesk.contracts.booking.BookingFunction.CreateProvider;
import static com.dentaldesk.contracts.booking.BookingFunction.DeleteProvider;
import static com.dentaldesk.contracts.booking.BookingFunction.GetProvider;
import static com.dentaldesk.contracts.booking.BookingFunction.GetProviders;
import static com.dentaldesk.contracts.booking.BookingFunction.UpdateProvider;

import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.dentaldesk.booking.functions.RestFunctions;
import com.dentaldesk.contracts.booking.ApiResponse;

@Path("/api/providers")
public class ProviderResource {

    private final RestFunctions functions;

    public ProviderResource(RestFunctions functions) {
        this.functions = functions;
    }

    @GET
    public ApiResponse<Object> list(@QueryParam("includeHidden") Boolean includeHidden) {
        return functions.call(GetProviders, null, null, "IncludeHidden", includeHidden);
    }

    @GET
    @Path("/{provNum}")
    public ApiResponse<Object> get(@PathParam("provNum") long provNum) {
        return functions.call(GetProvider, null, null, "ProvNum", provNum);
    }

    @POST
    public ApiResponse<Object> create(Map<String, Object> body, @HeaderParam("Idempotency-Key") String key) {
        return functions.call(CreateProvider, body, key);
    }

    @PUT
    @Path("/{provNum}")
    public ApiResponse<Object> update(@PathParam("provNum") long provNum, Map<String, Object> body,
            @HeaderParam("Idempotency-Key") String key) {
        return functions.call(UpdateProvider, body, key, "ProvNum", provNum);
    }

    @DELETE
    @Path("/{provNum}")
    public ApiResponse<Object> delete(@PathParam("provNum") long provNum, @HeaderParam("Idempotency-Key") String key) {
        return functions.call(DeleteProvider, null, key, "ProvNum", provNum);
    }
}
