package com.dentaldesk.booking.tenancy;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.input.ControlCharacters;
import com.dentaldesk.booking.patients.PhoneNumbers;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * How calls find a clinic when its Retell agent or phone number was made by hand in Retell's dashboard: the platform
 * operator connects the agent id or the number (the owner may disconnect). A value belongs to one clinic.
 */
@ApplicationScoped
@Transactional
public class ClinicChannels implements PanacheRepository<OrganizationChannel> {

    static final int MAX_AGENT_ID = 100;

    private final PhoneNumbers phoneNumbers;

    public ClinicChannels(PhoneNumbers phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    public List<OrganizationChannel> ofClinic(long organizationId) {
        return list("organizationId = ?1 order by kind, value", organizationId);
    }

    /** Connects an agent id or a number (written any way; stored as E.164); a 422 naming the field when refused. */
    public OrganizationChannel connect(long organizationId, String kind, String rawValue) {
        String value = ControlCharacters.field(rawValue);
        if (value.isEmpty()) {
            throw BookingException.missing(List.of("value"));
        }
        if (OrganizationChannel.PHONE_NUMBER.equals(kind)) {
            Optional<String> e164 = phoneNumbers.normalize(value);
            value = e164.orElseThrow(() -> BookingException.invalid("value",
                    "\"" + rawValue.strip() + "\" is not a phone number; write it with its country code, e.g. +1 312 555 0100"));
        } else if (OrganizationChannel.RETELL_AGENT.equals(kind)) {
            if (value.length() > MAX_AGENT_ID || !value.matches("[A-Za-z0-9_-]+")) {
                throw BookingException.invalid("value", "A Retell agent id is letters, digits, _ and -, like"
                        + " agent_4b1f0c2d9e (Retell's dashboard shows it on the agent's page).");
            }
        } else {
            throw BookingException.invalid("kind", "Choose a Retell agent or a phone number.");
        }
        Optional<OrganizationChannel> holder = find("kind = ?1 and value = ?2", kind, value).firstResultOptional();
        if (holder.isPresent()) {
            throw BookingException.invalid("value", holder.get().organizationId == organizationId
                    ? value + " is already connected to your clinic."
                    : value + " is connected to another clinic; disconnect it there first.");
        }
        OrganizationChannel channel = new OrganizationChannel();
        channel.organizationId = organizationId;
        channel.kind = kind;
        channel.value = value;
        persist(channel);
        return channel;
    }

    /** Disconnects one of the clinic's channels: its calls no longer reach the clinic. */
    public OrganizationChannel disconnect(long organizationId, long channelId) {
        OrganizationChannel channel = find("id = ?1 and organizationId = ?2", channelId, organizationId)
                .firstResultOptional().orElseThrow(() -> BookingException.notFound("Connection " + channelId));
        delete(channel);
        return channel;
    }
}
