package com.dentaldesk.booking.console;

import java.util.Optional;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.staff.StaffAccounts;
import com.dentaldesk.booking.staff.StaffAccounts.PendingLink;
import com.dentaldesk.booking.staff.StaffMember;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Where a one-time link lands (a new clinic's setup, an invitation, a reset): the person chooses their password and
 * is signed in. A link that is used, expired or of a disabled account says so and does nothing.
 */
@Path(Console.WELCOME)
public class WelcomePage {

    /** The form: whose link it is, what went wrong, and the token to send back. */
    public record WelcomeView(PendingLink link, String token, String error) {
    }

    @CheckedTemplate(basePath = "console/welcome")
    static class Templates {
        static native TemplateInstance form(WelcomeView view);

        static native TemplateInstance gone();
    }

    private final StaffAccounts staff;
    private final ConsoleSessions sessions;

    public WelcomePage(StaffAccounts staff, ConsoleSessions sessions) {
        this.staff = staff;
        this.sessions = sessions;
    }

    @GET
    public Response form(@QueryParam("token") String token) {
        return staff.pending(token)
                .map(link -> Response.ok(Templates.form(new WelcomeView(link, token, null))))
                .orElseGet(() -> Response.status(Response.Status.GONE).entity(Templates.gone())).build();
    }

    @POST
    public Response setPassword(@FormParam("token") String token, @FormParam("password") String password,
            @FormParam("confirm") String confirm, @CookieParam(ConsoleCookie.NAME) String previous) {
        Optional<PendingLink> link = staff.pending(token);
        if (link.isEmpty()) {
            return Response.status(Response.Status.GONE).entity(Templates.gone()).build();
        }
        if (password == null || !password.equals(confirm)) {
            return Response.status(422).entity(Templates.form(new WelcomeView(link.get(), token,
                    "The two passwords are not the same. Type the same password twice."))).build();
        }
        Optional<StaffMember> member;
        try {
            member = staff.setPassword(token, password);
        } catch (BookingException e) {
            return Console.rejected(e, Templates.form(new WelcomeView(link.get(), token, e.getMessage())));
        }
        if (member.isEmpty()) {
            return Response.status(Response.Status.GONE).entity(Templates.gone()).build();
        }
        sessions.signOut(previous);
        return Console.seeOther(Console.CALLS).cookie(ConsoleCookie.issue(sessions.open(member.get()))).build();
    }
}
