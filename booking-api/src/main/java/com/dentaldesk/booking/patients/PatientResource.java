package com.dentaldesk.booking.patients;

import static com.dentaldesk.contracts.booking.BookingFunction.CreatePatient;
import static com.dentaldesk.contracts.booking.BookingFunction.GetMultiplePatients;
import static com.dentaldesk.contracts.booking.BookingFunction.GetPatient;
import static com.dentaldesk.contracts.booking.BookingFunction.UpdatePatient;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.dentaldesk.booking.functions.RestFunctions;
import com.dentaldesk.contracts.booking.ApiResponse;

@Path("/api/patients")
public class PatientResource {

    private final RestFunctions functions;

    public PatientResource(RestFunctions functions) {
        this.functions = functions;
    }

    @GET
    public ApiResponse<Object> search(@QueryParam("phone") String phone, @QueryParam("lastName") String lastName,
            @QueryParam("firstName") String firstName, @QueryParam("birthdate") String birthdate) {
        return functions.call(GetMultiplePatients, null, null, "Phone", phone, "LName", lastName, "FName", firstName,
                "Birthdate", birthdate);
    }

    @GET
    @Path("/{patNum}")
    public ApiResponse<Object> get(@PathParam("patNum") long patNum) {
        return functions.call(GetPatient, null, null, "PatNum", patNum);
    }

    @POST
    public ApiResponse<Object> create(Map<String, Object> body, @HeaderParam("Idempotency-Key") String key) {
        return functions.call(CreatePatient, body, key);
    }

    @PUT
    @Path("/{patNum}")
    public ApiResponse<Object> update(@PathParam("patNum") long patNum, Map<String, Object> body,
            @HeaderParam("Idempotency-Key") String key) {
        return functions.call(UpdatePatient, body, key, "PatNum", patNum);
    }
}
