package com.dentaldesk.voice.agent;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.dentaldesk.contracts.calls.LeadRequest;
import com.dentaldesk.voice.client.BookingApiClient;
import com.dentaldesk.voice.outbox.Letter;
import com.dentaldesk.voice.outbox.Outbox;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A caller's callback request, saved before the caller hears "I've passed your message on": in booking-api when
 * it answers in time, otherwise on disk in the {@link Outbox}, which delivers it when booking-api is back.
 */
@ApplicationScoped
public class Callbacks {

    private static final Logger LOG = Logger.getLogger(Callbacks.class);

    private final BookingApiClient booking;
    private final Outbox outbox;
    private final Workers workers;

    public Callbacks(BookingApiClient booking, Outbox outbox, Workers workers) {
        this.booking = booking;
        this.outbox = outbox;
        this.workers = workers;
    }

    /** What became of a request. */
    public enum Saved {
        /** booking-api has it. */
        IN_BOOKING_API,
        /** On disk, on its way to booking-api. */
        IN_OUTBOX,
        /** booking-api refused it (its data is not a callback: no name and no valid number). */
        REFUSED,
        /** Neither booking-api nor the disk took it. */
        LOST
    }

    /** Saves the request, waiting at most {@code wait} for booking-api before keeping it in the outbox. */
    public Saved save(CallState state, LeadRequest lead, Duration wait) {
        if (state.clinicSlug() == null) {
            // The call began while booking-api was away: the outbox finds the clinic once it is back.
            return keep(state, lead);
        }
        Future<Saved> saving = workers.submit(() -> booking.saveLead(state.clinicSlug(), lead).map(saved -> {
            state.leadId(saved.id());
            return Saved.IN_BOOKING_API;
        }).orElse(Saved.REFUSED));
        try {
            Saved saved = saving.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("call %s: callback request %s", state.callId(),
                    saved == Saved.IN_BOOKING_API ? "saved" : "refused by booking-api");
            return saved;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("call %s: booking-api did not take the callback request (%s), keeping it in the outbox",
                    state.callId(), e.getClass().getSimpleName());
        }
        saving.cancel(true);
        return keep(state, lead);
    }

    private Saved keep(CallState state, LeadRequest lead) {
        boolean kept = outbox.keep(state.letter(Letter.Kind.LEAD, booking.json().valueToTree(lead)));
        return kept ? Saved.IN_OUTBOX : Saved.LOST;
    }
}
