package com.dentaldesk.voice.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReplyGuardTest {

    @Test
    void shouldDropBookedClaimWithoutSuccessfulBooking() {
        CallState state = new CallState("c1", Instant.now());
        assertEquals("", ReplyGuard.filter("You're booked for Tuesday at 9. ", state));
        assertEquals("", ReplyGuard.filter("I've cancelled it for you. ", state));
        assertEquals("Shall I get that booked? ", ReplyGuard.filter("Shall I get that booked? ", state));
        assertEquals("It's not booked yet. ", ReplyGuard.filter("It's not booked yet. ", state));
    }

    @Test
    void shouldLetBookedClaimThroughAfterSuccessfulBooking() {
        CallState state = new CallState("c1", Instant.now());
        state.completed(PendingAction.Kind.BOOK, null, com.dentaldesk.contracts.calls.CallOutcome.booked);
        assertEquals("You're booked for Tuesday. ", ReplyGuard.filter("You're booked for Tuesday. ", state));
        assertEquals("", ReplyGuard.filter("I've cancelled your other visit. ", state));
    }
}
