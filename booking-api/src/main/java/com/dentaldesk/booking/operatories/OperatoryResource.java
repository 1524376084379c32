package com.dentaldesk.booking.operatories;

import static com.dentaldesk.contracts.booking.BookingFunction.CreateOperatory;
import static com.dentaldesk.contracts.booking.BookingFunction.DeleteOperatory;
import static com.dentaldesk.contracts.booking.BookingFunction.GetOperatory;
import static com.dentaldesk.contracts.booking.BookingFunction.GetOperatories;
import static com.dentaldesk.contracts.booking.BookingFunction.UpdateOperatory;

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

@Path("/api/operatories")
public class OperatoryResource {

    private final RestFunctions functions;

    public OperatoryResource(RestFunctions functions) {
        this.functions = functions;
    }

    @GET
    public ApiResponse<Object> list(@QueryParam("includeInactive") Boolean includeInactive) {
        return functions.call(GetOperatories, null, null, "IncludeInactive", includeInactive);
    }

    @GET
    @Path("/{opNum}")
    public ApiResponse<Object> get(@PathParam("opNum") long opNum) {
        return functions.call(GetOperatory, null, null, "OperatoryNum", opNum);
    }

    @POST
    public ApiResponse<Object> create(Map<String, Object> body, @HeaderParam("Idempotency-Key") String key) {
        return functions.call(CreateOperatory, body, key);
    }

    @PUT
    @Path("/{opNum}")
    public ApiResponse<Object> update(@PathParam("opNum") long opNum, Map<String, Object> body,
            @HeaderParam("Idempotency-Key") String key) {
        return functions.call(UpdateOperatory, body, key, "OperatoryNum", opNum);
    }

    @DELETE
    @Path("/{opNum}")
    public ApiResponse<Object> delete(@PathParam("opNum") long opNum, @HeaderParam("Idempotency-Key") String key) {
        return functions.call(DeleteOperatory, null, key, "OperatoryNum", opNum);
    }
}
