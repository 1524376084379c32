package com.dentaldesk.voice.outbox;

import java.util.Optional;

import com.dentaldesk.contracts.booking.ClinicProfile;
import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.LeadRequest;
import com.dentaldesk.voice.client.BookingApiClient;
import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Delivers outbox letters with the gateway's booking-api client; both writes are keyed by call id there. A letter
 * without a clinic is addressed by agent and called number: one booking-api does not know is refused.
 */
@ApplicationScoped
public class BookingApiCourier implements Courier {

    private final BookingApiClient booking;

    public BookingApiCourier(BookingApiClient booking) {
        this.booking = booking;
    }

    @Override
    public Result deliver(Letter letter) {
        String clinic = letter.clinic();
        if (clinic == null) {
            Optional<ClinicProfile> found = booking.resolveClinic(letter.agentId(), letter.toNumber(), null);
            if (found.isEmpty()) {
                return Result.REFUSED;
            }
            clinic = found.get().slug();
        }
        try {
            return switch (letter.kind()) {
                case LEAD -> booking.saveLead(clinic,
                        booking.json().treeToValue(letter.body(), LeadRequest.class)).isPresent()
                                ? Result.DELIVERED : Result.REFUSED;
                case CALL_RECORD -> booking.putConversation(clinic,
                        booking.json().treeToValue(letter.body(), ConversationLog.class))
                                ? Result.DELIVERED : Result.REFUSED;
            };
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            return Result.REFUSED;
        }
    }
}
