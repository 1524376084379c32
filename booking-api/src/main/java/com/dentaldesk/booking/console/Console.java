package com.dentaldesk.booking.console;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.dentaldesk.booking.errors.BookingException;

import io.quarkus.qute.TemplateInstance;

/** Where the console lives, and how its forms answer: a redirect (relative, so right behind a proxy) or the form. */
public final class Console {

    public static final String ROOT = "/console";
    public static final String SIGN_IN = ROOT + "/sign-in";
    public static final String CALLS = ROOT + "/calls";
    public static final String LEADS = ROOT + "/leads";
    public static final String SCHEDULE = ROOT + "/schedule";
    public static final String AGENTS = ROOT + "/agents";
    public static final String SETTINGS = ROOT + "/settings";
    public static final String WELCOME = ROOT + "/welcome";
    public static final String FORGOT_PASSWORD = ROOT + "/forgot-password";
    public static final String STAFF = ROOT + "/staff";
    public static final String KEYS = ROOT + "/keys";
    public static final String AUDIT = ROOT + "/audit";
    public static final String CONFIRMATIONS = ROOT + "/confirmations";
    /** Confirmation calls cost money and reach patients: only the owner turns them on or changes them. */
    public static final String CONFIRMATION_SETTINGS = CONFIRMATIONS + "/settings";

    private Console() {
    }

    /** Whether a request is for a console page. */
    public static boolean covers(UriInfo uri) {
        String path = path(uri);
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }

    /** The request's path from the root, with one leading slash. */
    static String path(UriInfo uri) {
        return "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** 303 See Other: the browser follows a form POST with a GET, so a reload never re-sends the form. */
    public static Response.ResponseBuilder seeOther(String location) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, location);
    }

    /** A form the service refused: the page again (with the message), under the refusal's status (422, 503...). */
    public static Response rejected(BookingException refusal, TemplateInstance page) {
        return Response.status(refusal.error().code().httpStatus()).entity(page).build();
    }
}
