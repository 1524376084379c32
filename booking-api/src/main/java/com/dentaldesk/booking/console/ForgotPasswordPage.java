package com.dentaldesk.booking.console;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.dentaldesk.booking.input.ControlCharacters;
import com.dentaldesk.booking.staff.LinkMail;
import com.dentaldesk.booking.staff.LinkMail.Purpose;
import com.dentaldesk.booking.staff.StaffAccounts;
import com.dentaldesk.booking.staff.StaffAccounts.OneTimeLink;
import com.dentaldesk.booking.tenancy.Organization;
import com.dentaldesk.booking.tenancy.OrganizationRepository;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * "Forgot your password?": with mail configured, a person gets a new password link at their address. The answer is
 * the same whether or not the address has an account, and requests are throttled like failed sign-ins, so the page
 * neither lists accounts nor sends mail floods. Without mail the page says to ask the clinic's owner.
 */
@Path(Console.FORGOT_PASSWORD)
public class ForgotPasswordPage {

    private static final Logger LOG = Logger.getLogger(ForgotPasswordPage.class);

    @CheckedTemplate(basePath = "console/signin")
    static class Templates {
        static native TemplateInstance forgot(boolean mail, String sentTo, String error);
    }

    private final StaffAccounts staff;
    private final OrganizationRepository organizations;
    private final LinkMail mail;
    private final SignInThrottle throttle;

    public ForgotPasswordPage(StaffAccounts staff, OrganizationRepository organizations, LinkMail mail,
            SignInThrottle throttle) {
        this.staff = staff;
        this.organizations = organizations;
        this.mail = mail;
        this.throttle = throttle;
    }

    @GET
    public TemplateInstance form() {
        return Templates.forgot(mail.enabled(), null, null);
    }

    @POST
    public Response send(@FormParam("email") String email, @Context HttpServerRequest request) {
        String address = SignInThrottle.addressOf(request);
        String shown = ControlCharacters.field(email);
        if (!mail.enabled() || shown.isEmpty()) {
            return Response.ok(Templates.forgot(mail.enabled(), null, mail.enabled() ? "Type your email address." : null))
                    .build();
        }
        Optional<Duration> wait = throttle.wait(shown, address);
        if (wait.isPresent()) {
            return Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .header("Retry-After", Math.max(1, wait.get().toSeconds()))
                    .entity(Templates.forgot(true, null, "Too many requests. Try again in a minute.")).build();
        }
        // Every request spends a sign-in token, found or not; and an address gets at most a few mails an hour.
        throttle.failed(shown, address);
        if (throttle.mayMail(shown)) {
            staff.resetLinkFor(shown).ifPresent(this::mailLink);
        }
        LOG.infof("Password link requested from %s", address);
        return Response.ok(Templates.forgot(true, shown, null)).build();
    }

    private void mailLink(OneTimeLink link) {
        Organization clinic = organizations.findById(link.member().organizationId);
        mail.send(Purpose.RESET, link, clinic.name, ZoneId.of(clinic.timezone));
    }
}
