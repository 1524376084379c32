package com.dentaldesk.booking.tenancy;

import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import com.dentaldesk.booking.closures.ClosedDays;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.patients.PhoneNumbers;
import com.dentaldesk.booking.providers.ProviderService;
import com.dentaldesk.booking.schedules.OpeningHours;
import com.dentaldesk.booking.services.ClinicServices;
import com.dentaldesk.contracts.booking.ApiResponse;
import com.dentaldesk.contracts.booking.ClinicFacts;
import com.dentaldesk.contracts.booking.ClinicProfile;

/** The one resolver from a call's agent id, called number or slug to its clinic. No fallback clinic, ever. */
@Path("/api/organizations")
public class OrganizationResource {

    private final OrganizationRepository organizations;
    private final TenantContext tenant;
    private final ProviderService providers;
    private final PhoneNumbers phoneNumbers;
    private final ClinicServices services;
    private final OpeningHours openingHours;
    private final ClosedDays closedDays;

    public OrganizationResource(OrganizationRepository organizations, TenantContext tenant,
            ProviderService providers, PhoneNumbers phoneNumbers, ClinicServices services, OpeningHours openingHours,
            ClosedDays closedDays) {
        this.services = services;
        this.openingHours = openingHours;
        this.closedDays = closedDays;
        this.organizations = organizations;
        this.tenant = tenant;
        this.providers = providers;
        this.phoneNumbers = phoneNumbers;
    }

    @GET
    @Path("/resolve")
    public ApiResponse<ClinicProfile> resolve(@QueryParam("agent_id") String agentId,
            @QueryParam("to_number") String toNumber, @QueryParam("slug") String slug) {
        if (!tenant.isService()) {
            throw BookingException.unauthorized("Only the service credential may resolve clinics");
        }
        Organization organization = ApiAuthFilter.outsideTenant(() -> find(agentId, toNumber, slug)).orElseThrow(() -> BookingException.notFound("Clinic"));
        tenant.actFor(organization);
        return ApiResponse.ok(new ClinicProfile(organization.slug, organization.name, organization.timezone,
                organization.greeting, organization.customInstructions, organization.businessRules,
                organization.transferNumber, providers.listVisible(), new ClinicFacts(organization.address,
                        organization.parking, organization.payment, services.forCalls(), openingHours.coming(),
                        closedDays.ahead())));
    }

    private Optional<Organization> find(String agentId, String toNumber, String slug) {
        if (agentId != null && !agentId.isBlank()) {
            return organizations.findByChannel(OrganizationChannel.RETELL_AGENT, agentId.trim());
        }
        if (toNumber != null && !toNumber.isBlank()) {
            return phoneNumbers.normalize(toNumber)
                    .flatMap(e164 -> organizations.findByChannel(OrganizationChannel.PHONE_NUMBER, e164));
        }
        if (slug != null && !slug.isBlank()) {
            return organizations.findBySlug(slug.trim());
        }
        throw BookingException.missing(java.util.List.of("agent_id", "to_number", "slug"));
    }
}
