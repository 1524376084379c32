package com.dentaldesk.booking.schedules;

import static com.dentaldesk.contracts.booking.BookingFunction.CheckScheduleConflicts;
import static com.dentaldesk.contracts.booking.BookingFunction.CreateDefaultSchedules;
import static com.dentaldesk.contracts.booking.BookingFunction.CreateSchedule;
import static com.dentaldesk.contracts.booking.BookingFunction.DeleteSchedule;
import static com.dentaldesk.contracts.booking.BookingFunction.GetSchedules;
import static com.dentaldesk.contracts.booking.BookingFunction.UpdateSchedule;

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

@Path("/api/schedules")
public class ScheduleResource {

    private final RestFunctions functions;

    public ScheduleResource(RestFunctions functions) {
        this.functions = functions;
    }

    @GET
    public ApiResponse<Object> list(@QueryParam("dateStart") String dateStart, @QueryParam("dateEnd") String dateEnd,
            @QueryParam("provNum") Long provNum, @QueryParam("opNum") Long opNum) {
        return functions.call(GetSchedules, null, null, "DateStart", dateStart, "DateEnd", dateEnd, "ProvNum",
                provNum, "OpNum", opNum);
    }

    @GET
    @Path("/conflicts")
    public ApiResponse<Object> conflicts(@QueryParam("dateStart") String dateStart,
            @QueryParam("dateEnd") String dateEnd) {
        return functions.call(CheckScheduleConflicts, null, null, "DateStart", dateStart, "DateEnd", dateEnd);
    }

    @POST
    public ApiResponse<Object> create(Map<String, Object> body, @HeaderParam("Idempotency-Key") String key) {
        return functions.call(CreateSchedule, body, key);
    }

    @POST
    @Path("/defaults")
    public ApiResponse<Object> createDefaults(Map<String, Object> body, @HeaderParam("Idempotency-Key") String key) {
        return functions.call(CreateDefaultSchedules, body, key);
    }

    @PUT
    @Path("/{scheduleNum}")
    public ApiResponse<Object> update(@PathParam("scheduleNum") long scheduleNum, Map<String, Object> body,
            @HeaderParam("Idempotency-Key") String key) {
        return functions.call(UpdateSchedule, body, key, "ScheduleNum", scheduleNum);
    }

    @DELETE
    @Path("/{scheduleNum}")
    public ApiResponse<Object> delete(@PathParam("scheduleNum") long scheduleNum,
            @HeaderParam("Idempotency-Key") String key) {
        return functions.call(DeleteSchedule, null, key, "ScheduleNum", scheduleNum);
    }
}
