package com.dentaldesk.booking.retell;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.patients.PhoneNumbers;
import com.dentaldesk.booking.tenancy.Organization;
import com.dentaldesk.booking.tenancy.OrganizationChannel;
import com.dentaldesk.booking.tenancy.OrganizationRepository;

/**
 * The clinic of a Retell call, by the same channel table the gateway resolves with: the agent id first, then
 * the clinic's own number (the called number inbound, the calling number outbound). No match, no clinic.
 */
@ApplicationScoped
public class CallClinicResolver {

    private final OrganizationRepository organizations;
    private final PhoneNumbers phoneNumbers;

    public CallClinicResolver(OrganizationRepository organizations, PhoneNumbers phoneNumbers) {
        this.organizations = organizations;
        this.phoneNumbers = phoneNumbers;
    }

    /** Expects the caller's transaction. */
    public Optional<Organization> resolve(String agentId, String direction, String fromNumber, String toNumber) {
        if (agentId != null) {
            Optional<Organization> byAgent = organizations.findByChannel(OrganizationChannel.RETELL_AGENT, agentId);
            if (byAgent.isPresent()) {
                return byAgent;
            }
        }
        String clinicNumber = "outbound".equals(direction) ? fromNumber : toNumber;
        return phoneNumbers.normalize(clinicNumber)
                .flatMap(e164 -> organizations.findByChannel(OrganizationChannel.PHONE_NUMBER, e164));
    }
}
