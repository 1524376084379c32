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

    @GET
    public ApiResponse<Object> find(@QueryParam("dateStart") String dateStart, @QueryParam("dateEnd") String dateEnd,
            @QueryParam("provNum") Long provNum, @QueryParam("opNum") Long opNum,
            @QueryParam("lengthMinutes") Integer lengthMinutes, @QueryParam("patNum") Long patNum) {
        return functions.call(GetAvailableSlots, null, null, "dateStart", dateStart, "dateEnd", dateEnd, "ProvNum",
                provNum, "OpNum", opNum, "lengthMinutes", lengthMinutes, "PatNum", patNum);
    }
}
