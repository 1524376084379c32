package com.dentaldesk.booking.appointments;

import static com.dentaldesk.contracts.booking.BookingFunction.BreakAppointment;
import static com.dentaldesk.contracts.booking.BookingFunction.CreateAppointment;
import static com.dentaldesk.contracts.booking.BookingFunction.DeleteAppointment;
import static com.dentaldesk.contracts.booking.BookingFunction.GetAppointments;
import static com.dentaldesk.contracts.booking.BookingFunction.UpdateAppointment;

import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.dentaldesk.booking.functions.Params;
import com.dentaldesk.booking.functions.RestFunctions;
import com.dentaldesk.contracts.booking.ApiResponse;

@Path("/api/appointments")
public class AppointmentResource {

    private final RestFunctions functions;
    private final AppointmentService appointments;

    public AppointmentResource(RestFunctions functions, AppointmentService appointments) {
        this.functions = functions;
        this.appointments = appointments;
    }

    @GET
    public ApiResponse<Object> list(@QueryParam("dateStart") String dateStart, @QueryParam("dateEnd") String dateEnd,
            @QueryParam("patNum") Long patNum, @QueryParam("provNum") Long provNum, @QueryParam("opNum") Long opNum,
            @QueryParam("status") String status) {
        return functions.call(GetAppointments, null, null, "DateStart", dateStart, "DateEnd", dateEnd, "PatNum",
                patNum, "ProvNum", provNum, "OpNum", opNum, "AptStatus", status);
    }

    @GET
    @Path("/{aptNum}")
    public ApiResponse<Object> get(@PathParam("aptNum") long aptNum) {
        return ApiResponse.ok(appointments.get(new Params(Map.of("AptNum", aptNum))));
    }

    @POST
    public ApiResponse<Object> create(Map<String, Object> body, @HeaderParam("Idempotency-Key") String key) {
        return functions.call(CreateAppointment, body, key);
    }

    @PUT
    @Path("/{aptNum}")
    public ApiResponse<Object> update(@PathParam("aptNum") long aptNum, Map<String, Object> body,
            @HeaderParam("Idempotency-Key") String key) {
        return functions.call(UpdateAppointment, body, key, "AptNum", aptNum);
    }

    @POST
    @Path("/{aptNum}/break")
    public ApiResponse<Object> breakAppointment(@PathParam("aptNum") long aptNum,
            @HeaderParam("Idempotency-Key") String key) {
        return functions.call(BreakAppointment, null, key, "AptNum", aptNum);
    }

    @DELETE
    @Path("/{aptNum}")
    public ApiResponse<Object> cancel(@PathParam("aptNum") long aptNum, @HeaderParam("Idempotency-Key") String key) {
        return functions.call(DeleteAppointment, null, key, "AptNum", aptNum);
    }
}
