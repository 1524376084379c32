package com.dentaldesk.booking.slots;

import static com.dentaldesk.contracts.booking.BookingFunction.GetAvailableSlots;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import com.dentaldesk.booking.functions.RestFunctions;
import com.dentaldesk.contracts.booking.ApiResponse;

@Path("/api/slots")
public class SlotResource {

    private final RestFunctions functions;

    public SlotResource(RestFunctions functions) {
        this.functions = functions;
    }

    /** Numbers arrive as text so that a malformed one is the usual 422 naming the field, not a bare 404. */
    @GET
    public ApiResponse<Object> find(@QueryParam("dateStart") String dateStart, @QueryParam("dateEnd") String dateEnd,
            @QueryParam("provNum") String provNum, @QueryParam("opNum") String opNum,
            @QueryParam("lengthMinutes") String lengthMinutes, @QueryParam("patNum") String patNum,
            @QueryParam("limit") String limit, @QueryParam("after") String after,
            @QueryParam("timeFrom") String timeFrom, @QueryParam("timeTo") String timeTo) {
        return functions.call(GetAvailableSlots, null, null, "dateStart", dateStart, "dateEnd", dateEnd, "ProvNum",
                provNum, "OpNum", opNum, "lengthMinutes", lengthMinutes, "PatNum", patNum, "limit", limit, "after",
                after, "timeFrom", timeFrom, "timeTo", timeTo);
    }
}
