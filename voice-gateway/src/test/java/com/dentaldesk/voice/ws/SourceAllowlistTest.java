package com.dentaldesk.voice.ws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SourceAllowlistTest {

    @Test
    void shouldAllowListedAddressesAndBlocksOnly() {
        SourceAllowlist list = SourceAllowlist.parse(List.of("100.20.5.228", "10.1.0.0/16"));
        assertTrue(list.allows("100.20.5.228"));
        assertTrue(list.allows("10.1.200.7"));
        assertFalse(list.allows("10.2.0.1"));
        assertFalse(list.allows("100.20.5.229"));
        assertFalse(list.allows("evil.example.com"));
        assertFalse(list.allows(null));
    }

    @Test
    void shouldAllowEveryoneWhenEmpty() {
        assertTrue(SourceAllowlist.parse(List.of()).allows("1.2.3.4"));
    }

    @Test
    void shouldRejectHostNamesAndBadBlocksInConfig() {
        assertThrows(IllegalArgumentException.class, () -> SourceAllowlist.parse(List.of("retell.example.com")));
        assertThrows(IllegalArgumentException.class, () -> SourceAllowlist.parse(List.of("10.0.0.0/40")));
    }
}
