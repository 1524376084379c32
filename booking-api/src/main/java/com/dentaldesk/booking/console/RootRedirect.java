package com.dentaldesk.booking.console;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** A person who opens booking-api's address in a browser lands on the console, not on a JSON 404. */
@Path("/")
public class RootRedirect {

    @GET
    public Response console() {
        return Response.seeOther(URI.create(Console.ROOT)).build();
    }
}
