package com.dentaldesk.booking.console.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What the front desk reads for each tool call the gateway records, whatever the result holds. */
class ToolSentenceTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldSayWhatTheReceptionistDidInWords() {
        assertEquals("Searched Tuesday, December 2: 1 time offered", ToolSentence.of("find_slots",
                "{\"status\":\"OPTIONS\",\"searched\":\"Tuesday, December 2\",\"options\":[{\"option\":1}]}", json));
        assertEquals("Searched Tuesday, December 2: nothing free", ToolSentence.of("find_slots",
                "{\"status\":\"NO_SLOTS\",\"searched\":\"Tuesday, December 2\"}", json));
        assertEquals("Moved to Friday, December 5 at 2:00 PM with Dr. Lee", ToolSentence.of("reschedule_appointment",
                "{\"status\":\"MOVED\",\"when\":\"Friday, December 5 at 2:00 PM with Dr. Lee\"}", json));
        assertEquals("Listed the caller's appointments: 2 appointments", ToolSentence.of("list_my_appointments",
                "{\"status\":\"APPOINTMENTS\",\"options\":[{},{}]}", json));
    }

    @Test
    void shouldFallBackToTheToolAndItsStatusAndNeverFailOnOddResults() {
        assertEquals("Booking: unknown option", ToolSentence.of("book_appointment",
                "{\"status\":\"UNKNOWN_OPTION\"}", json));
        assertEquals("Searched for free times", ToolSentence.of("find_slots", "{\"slots\":[]}", json));
        assertEquals("Searched for free times", ToolSentence.of("find_slots", "not json", json));
        assertEquals("Searched for free times", ToolSentence.of("find_slots", "[1,2]", json));
        assertEquals("a_new_tool", ToolSentence.of("a_new_tool", null, json));
    }

    @Test
    void shouldTellAQuestionPutToTheCallerFromARefusal() {
        assertTrue(ToolSentence.asksTheCaller("{\"status\":\"CONFIRMATION_REQUIRED\"}", json));
        assertFalse(ToolSentence.asksTheCaller("{\"status\":\"DECLINED\"}", json));
        assertFalse(ToolSentence.asksTheCaller("oops", json));
    }
}
