package com.dentaldesk.booking.console;

import java.time.Duration;
import java.util.Optional;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.dentaldesk.booking.input.ControlCharacters;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * Signing in to the console with a person's email and password, and signing out. A refused sign-in says the same
 * whatever was wrong, so it does not tell whether an account exists.
 */
@Path(Console.ROOT)
public class SignInPage {

    private static final Logger LOG = Logger.getLogger(SignInPage.class);
    private static final String REFUSED =
            "That email and password do not match an active account. Check both and try again.";

    @CheckedTemplate(basePath = "console/signin")
    static class Templates {
        static native TemplateInstance form(String email, String error, boolean signedOut);
    }

    private final ConsoleSessions sessions;
    private final SignInThrottle throttle;

    public SignInPage(ConsoleSessions sessions, SignInThrottle throttle) {
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** The console's home is the call list (the guard sends a visitor without a session to sign in first). */
    @GET
    public Response home() {
        return Console.seeOther(Console.CALLS).build();
    }

    @GET
    @Path("/sign-in")
    public TemplateInstance form(@QueryParam("signed-out") boolean signedOut) {
        return Templates.form("", null, signedOut);
    }

    @POST
    @Path("/sign-in")
    public Response signIn(@FormParam("email") String email, @FormParam("password") String password,
            @CookieParam(ConsoleCookie.NAME) String previous, @Context HttpServerRequest request) {
        // A form is not JSON: its control characters are dropped here (PostgreSQL refuses NUL in a lookup).
        String shownEmail = email == null ? "" : ControlCharacters.clean(email).trim();
        String address = SignInThrottle.addressOf(request);
        Optional<Duration> wait = throttle.wait(shownEmail, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            LOG.infof("Console sign-in throttled from %s, %d s to wait", address, seconds);
            return Response.status(Response.Status.TOO_MANY_REQUESTS).header("Retry-After", seconds)
                    .entity(Templates.form(shownEmail, "Too many failed sign-ins. Try again in " + seconds
                            + " seconds.", false)).build();
        }
        Optional<String> token = sessions.signIn(shownEmail, password);
        if (token.isEmpty()) {
            throttle.failed(shownEmail, address);
            // A failed sign-in's log line says from where; never the email (a person's) nor the password.
            LOG.infof("Console sign-in refused from %s", address);
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Templates.form(shownEmail, REFUSED, false)).build();
        }
        // A new session per sign-in: a token the browser had before (perhaps planted) is ended, never reused.
        sessions.signOut(previous);
        return Console.seeOther(Console.CALLS).cookie(ConsoleCookie.issue(token.get())).build();
    }

    @POST
    @Path("/sign-out")
    public Response signOut(@CookieParam(ConsoleCookie.NAME) String token) {
        sessions.signOut(token);
        return Console.seeOther(Console.SIGN_IN + "?signed-out=true").cookie(ConsoleCookie.cleared())
                .build();
    }
}
