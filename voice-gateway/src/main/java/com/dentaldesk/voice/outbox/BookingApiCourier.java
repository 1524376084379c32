package com.dentaldesk.voice.outbox;

import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.LeadRequest;
import com.dentaldesk.voice.client.BookingApiClient;
import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.enterprise.context.ApplicationScoped;

/** Delivers outbox letters with the gateway's booking-api client; both writes are keyed by call id there. */
@ApplicationScoped
public class BookingApiCourier implements Courier {

    private final BookingApiClient booking;

    public BookingApiCourier(BookingApiClient booking) {
        this.booking = booking;
    }

    @Override
    public Result deliver(Letter letter) {
        try {
            return switch (letter.kind()) {
                case LEAD -> booking.saveLead(letter.clinic(),
                        booking.json().treeToValue(letter.body(), LeadRequest.class)).isPresent()
                                ? Result.DELIVERED : Result.REFUSED;
                case CALL_RECORD -> booking.putConversation(letter.clinic(),
                        booking.json().treeToValue(letter.body(), ConversationLog.class))
                                ? Result.DELIVERED : Result.REFUSED;
            };
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            return Result.REFUSED;
        }
    }
}
