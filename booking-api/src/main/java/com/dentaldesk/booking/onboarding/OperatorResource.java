package com.dentaldesk.booking.onboarding;

import java.time.ZoneId;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import com.dentaldesk.booking.onboarding.ClinicOnboarding.CreatedClinic;
import com.dentaldesk.booking.onboarding.ClinicOnboarding.NewClinic;
import com.dentaldesk.booking.onboarding.ClinicOnboarding.Onboarded;
import com.dentaldesk.booking.staff.LinkAddresses;
import com.dentaldesk.booking.tenancy.ClinicChannels;
import com.dentaldesk.booking.tenancy.Organization;
import com.dentaldesk.booking.tenancy.OrganizationChannel;
import com.dentaldesk.booking.staff.LinkMail;
import com.dentaldesk.booking.staff.LinkMail.Purpose;
import com.dentaldesk.contracts.booking.ApiResponse;

/**
 * The platform operator's routes (authenticated by {@code BOOKING_OPERATOR_TOKEN} in {@code ApiAuthFilter}, never by
 * a clinic key or the service token): creating a clinic with its owner, a new setup link for an owner who missed
 * theirs, and connecting a Retell agent or number made by hand to a clinic. Connecting is the operator's because it
 * routes calls: an owner who could claim any free agent id could receive another clinic's callers.
 */
@Path(OperatorResource.PATH)
public class OperatorResource {

    public static final String PATH = "/api/operator";
    private static final Logger LOG = Logger.getLogger(OperatorResource.class);

    /** A setup link asked for again: whose (and their name, when the clinic has no owner yet). */
    public record SetupLinkRequest(String ownerEmail, String ownerName) {
    }

    /** An agent id ({@code retell_agent}) or number ({@code phone_number}) to route to the clinic. */
    public record ChannelRequest(String kind, String value) {
    }

    public record ConnectedChannel(String slug, String kind, String value) {
    }

    private final ClinicOnboarding onboarding;
    private final LinkAddresses addresses;
    private final LinkMail mail;
    private final ClinicChannels channels;

    public OperatorResource(ClinicOnboarding onboarding, LinkAddresses addresses, LinkMail mail,
            ClinicChannels channels) {
        this.onboarding = onboarding;
        this.addresses = addresses;
        this.mail = mail;
        this.channels = channels;
    }

    @POST
    @Path("/clinics")
    public RestResponse<ApiResponse<CreatedClinic>> createClinic(NewClinic request, @Context UriInfo uri) {
        Onboarded done = onboarding.create(request);
        LOG.infof("Clinic %s created by the operator", done.clinic().slug);
        String link = addresses.shown(done.setup(), uri.getBaseUri());
        boolean mailed = mail.send(Purpose.SETUP, done.setup(), done.clinic().name, ZoneId.of(done.clinic().timezone));
        return RestResponse.status(RestResponse.Status.CREATED, ApiResponse.ok(new CreatedClinic(done.clinic().slug,
                done.clinic().name, done.clinic().timezone, done.setup().member().email, link,
                done.setup().expiresAt(), mailed)));
    }

    /**
     * A new setup link for an owner of the clinic (the old links stop working): the owner missed or lost theirs. For
     * a clinic from before staff accounts, which has no owner, it makes this person its first owner.
     */
    @POST
    @Path("/clinics/{slug}/setup-link")
    public ApiResponse<CreatedClinic> setupLink(@PathParam("slug") String slug, SetupLinkRequest request,
            @Context UriInfo uri) {
        Onboarded done = onboarding.newSetupLink(slug, request == null ? null : request.ownerEmail(),
                request == null ? null : request.ownerName());
        String link = addresses.shown(done.setup(), uri.getBaseUri());
        boolean mailed = mail.send(Purpose.SETUP, done.setup(), done.clinic().name, ZoneId.of(done.clinic().timezone));
        return ApiResponse.ok(new CreatedClinic(done.clinic().slug, done.clinic().name, done.clinic().timezone,
                done.setup().member().email, link, done.setup().expiresAt(), mailed));
    }

    @POST
    @Path("/clinics/{slug}/channels")
    public RestResponse<ApiResponse<ConnectedChannel>> connect(@PathParam("slug") String slug,
            ChannelRequest request) {
        Organization clinic = onboarding.clinic(slug);
        OrganizationChannel channel = channels.connect(clinic.id, request == null ? null : request.kind(),
                request == null ? null : request.value());
        LOG.infof("Clinic %s: %s connected by the operator", clinic.slug, channel.kind);
        return RestResponse.status(RestResponse.Status.CREATED,
                ApiResponse.ok(new ConnectedChannel(clinic.slug, channel.kind, channel.value)));
    }
}
