package com.dentaldesk.booking.support;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.retell.WebhookInbox;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Looks into the webhook inbox: how many events a call has, and waiting until the processor is done with them. */
@ApplicationScoped
public class InboxProbe {

    private final WebhookInbox inbox;

    public InboxProbe(WebhookInbox inbox) {
        this.inbox = inbox;
    }

    public long stored(String callId) {
        return QuarkusTransaction.requiringNew().call(() -> inbox.count("callId", callId));
    }

    /** Every event in the inbox, of any call. */
    public long total() {
        return QuarkusTransaction.requiringNew().call(inbox::count);
    }

    /** Waits (up to 10 s) until every stored event of the call has been processed. */
    public void awaitProcessed(String callId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            long pending = QuarkusTransaction.requiringNew()
                    .call(() -> inbox.count("callId = ?1 and processedAt is null", callId));
            if (pending == 0 && stored(callId) > 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Webhook events of " + callId + " were not processed within 10 s");
    }
}
