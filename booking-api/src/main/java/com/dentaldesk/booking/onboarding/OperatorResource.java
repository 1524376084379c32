package com.dentaldesk.booking.onboarding;

import java.time.ZoneId;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import com.dentaldesk.booking.onboarding.ClinicOnboarding.CreatedClinic;
import com.dentaldesk.booking.onboarding.ClinicOnboarding.NewClinic;
import com.dentaldesk.booking.onboarding.ClinicOnboarding.Onboarded;
import com.dentaldesk.booking.staff.LinkAddresses;
import com.dentaldesk.booking.staff.LinkMail;
import com.dentaldesk.booking.staff.LinkMail.Purpose;
import com.dentaldesk.contracts.booking.ApiResponse;

/**
 * The platform operator's routes (authenticated by {@code BOOKING_OPERATOR_TOKEN} in {@code ApiAuthFilter}, never by
 * a clinic key or the service token): creating a clinic with its owner.
 */
@Path(OperatorResource.PATH)
public class OperatorResource {

    public static final String PATH = "/api/operator";
    private static final Logger LOG = Logger.getLogger(OperatorResource.class);

    private final ClinicOnboarding onboarding;
    private final LinkAddresses addresses;
    private final LinkMail mail;

    public OperatorResource(ClinicOnboarding onboarding, LinkAddresses addresses, LinkMail mail) {
        this.onboarding = onboarding;
        this.addresses = addresses;
        this.mail = mail;
    }

    @POST
    @Path("/clinics")
    public RestResponse<ApiResponse<CreatedClinic>> createClinic(NewClinic request, @Context UriInfo uri) {
        Onboarded done = onboarding.create(request);
        LOG.infof("Clinic %s created by the operator", done.clinic().slug);
        String link = addresses.of(done.setup(), uri.getBaseUri());
        boolean mailed = mail.send(Purpose.SETUP, done.setup().member().email, done.setup().member().displayName,
                done.clinic().name, link, done.setup().expiresAt(), ZoneId.of(done.clinic().timezone));
        return RestResponse.status(RestResponse.Status.CREATED, ApiResponse.ok(new CreatedClinic(done.clinic().slug,
                done.clinic().name, done.clinic().timezone, done.setup().member().email, link,
                done.setup().expiresAt(), mailed)));
    }
}
