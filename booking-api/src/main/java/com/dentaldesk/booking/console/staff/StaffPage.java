package com.dentaldesk.booking.console.staff;

import java.util.List;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.dentaldesk.booking.audit.AuditTrail;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.Display;
import com.dentaldesk.booking.console.SignedInClinic;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.staff.LinkAddresses;
import com.dentaldesk.booking.staff.LinkMail;
import com.dentaldesk.booking.staff.LinkMail.Purpose;
import com.dentaldesk.booking.staff.StaffAccounts;
import com.dentaldesk.booking.staff.StaffAccounts.OneTimeLink;
import com.dentaldesk.booking.staff.StaffMember;
import com.dentaldesk.booking.staff.StaffRole;
import com.dentaldesk.booking.tenancy.TenantContext;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The owner's staff page: who can sign in, inviting a colleague, a new password link for someone who forgot theirs,
 * and disabling an account (its sessions end at once). A link is shown once, here; only its hash is kept.
 */
@Path(Console.STAFF)
public class StaffPage {

    /** One person as listed. */
    public record Person(long id, String name, String email, String role, boolean active, boolean passwordSet,
            boolean you) {
    }

    /** A link just made, to hand to its person. */
    public record NewLink(String name, String email, String url, String expires, boolean invitation,
            boolean mailed) {
    }

    /** The invitation form as last sent. */
    public record InviteForm(String name, String email, String role) {
    }

    public record StaffView(List<Person> people, InviteForm form, NewLink link, String error, String field) {
    }

    @CheckedTemplate(basePath = "console/staff")
    static class Templates {
        static native TemplateInstance list(StaffView view);
    }

    private static final InviteForm EMPTY_FORM = new InviteForm("", "", StaffRole.FRONT_DESK.stored());

    private final StaffAccounts staff;
    private final TenantContext tenant;
    private final SignedInClinic signedIn;
    private final AuditTrail audit;
    private final LinkAddresses addresses;
    private final LinkMail mail;

    public StaffPage(StaffAccounts staff, TenantContext tenant, SignedInClinic signedIn, AuditTrail audit,
            LinkAddresses addresses, LinkMail mail) {
        this.mail = mail;
        this.staff = staff;
        this.tenant = tenant;
        this.signedIn = signedIn;
        this.audit = audit;
        this.addresses = addresses;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(view(EMPTY_FORM, null, null, null));
    }

    @POST
    public Response invite(@FormParam("name") String name, @FormParam("email") String email,
            @FormParam("role") String role, @Context UriInfo uri) {
        InviteForm form = new InviteForm(name, email, role);
        try {
            StaffRole staffRole = parseRole(role);
            OneTimeLink link = QuarkusTransaction.requiringNew().call(() -> {
                OneTimeLink made = staff.invite(tenant.organizationId(), email, name, staffRole);
                audit.record(signedIn.actor(), "Invited a colleague",
                        made.member().displayName + " (" + staffRole.label() + ")");
                return made;
            });
            return Response.ok(Templates.list(view(EMPTY_FORM, newLink(link, true, uri), null, null))).build();
        } catch (BookingException e) {
            String field = e.error().missing().isEmpty() ? null : e.error().missing().get(0);
            return Console.rejected(e, Templates.list(view(form, null, e.getMessage(), field)));
        }
    }

    @POST
    @Path("/{id}/password-link")
    public Response passwordLink(@PathParam("id") long id, @Context UriInfo uri) {
        try {
            OneTimeLink link = QuarkusTransaction.requiringNew().call(() -> {
                OneTimeLink made = staff.resetLink(tenant.organizationId(), id);
                audit.record(signedIn.actor(), "Made a new password link", made.member().displayName);
                return made;
            });
            return Response.ok(Templates.list(view(EMPTY_FORM, newLink(link, false, uri), null, null))).build();
        } catch (BookingException e) {
            return Console.rejected(e, Templates.list(view(EMPTY_FORM, null, e.getMessage(), null)));
        }
    }

    @POST
    @Path("/{id}/active")
    public Response setActive(@PathParam("id") long id, @FormParam("active") boolean active) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                StaffMember member = staff.setActive(tenant.organizationId(), id, active, signedIn.memberId());
                audit.record(signedIn.actor(), active ? "Enabled an account" : "Disabled an account",
                        member.displayName);
            });
            return Console.seeOther(Console.STAFF).build();
        } catch (BookingException e) {
            return Console.rejected(e, Templates.list(view(EMPTY_FORM, null, e.getMessage(), null)));
        }
    }

    private static StaffRole parseRole(String role) {
        try {
            return StaffRole.fromStored(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            throw BookingException.invalid("role", "Choose Owner or Front desk.");
        }
    }

    /** The link as shown once on the page, mailed to its person too when the deployment has mail. */
    private NewLink newLink(OneTimeLink link, boolean invitation, UriInfo uri) {
        String url = addresses.shown(link, uri.getBaseUri());
        boolean mailed = mail.send(invitation ? Purpose.INVITATION : Purpose.RESET, link, signedIn.getName(),
                tenant.zone());
        return new NewLink(link.member().displayName, link.member().email, url,
                Display.dateTime(link.expiresAt(), tenant.zone()), invitation, mailed);
    }

    private StaffView view(InviteForm form, NewLink link, String error, String field) {
        List<Person> people = staff.ofClinic(tenant.organizationId()).stream()
                .map(member -> new Person(member.id, member.displayName, member.email, member.staffRole().label(),
                        member.active(), member.passwordHash != null, member.id == signedIn.memberId()))
                .toList();
        return new StaffView(people, form, link, error, field);
    }
}
