package com.dentaldesk.booking.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** How a JSON body is read and when it must go through the cleaning at all. */
class ControlCharactersBodyTest {

    @Test
    void shouldPassCleanBodiesWithoutCleaning() {
        assertFalse(ControlCharacters.mayHoldControlCharacters(utf8("{\"a\":\"Zoë 🦷\\ttab\\nline\"}\r\n\t")));
        assertFalse(ControlCharacters.mayHoldControlCharacters(utf8("{\"a\":\"\\u0100 is not a control\"}")));
    }

    @Test
    void shouldCleanBodiesThatMayHoldControlCharacters() {
        assertTrue(ControlCharacters.mayHoldControlCharacters(utf8("{\"a\":\"x\u0000y\"}")));
        assertTrue(ControlCharacters.mayHoldControlCharacters(utf8("{\"a\":\"x\u001Fy\"}")));
        assertTrue(ControlCharacters.mayHoldControlCharacters(utf8("{\"a\":\"x\\u0001y\"}")));
        // An escape that names no control character still goes through the exact rules (they keep it).
        assertTrue(ControlCharacters.mayHoldControlCharacters(utf8("{\"a\":\"caf\\u00e9\"}")));
    }

    @Test
    void shouldReadTheWholeBodyWhateverLengthWasDeclared() throws IOException {
        byte[] body = utf8("{\"said\":\"" + "ë".repeat(3000) + "\"}");
        assertArrayEquals(body, read(body, String.valueOf(body.length)));
        assertArrayEquals(body, read(body, null));
        assertArrayEquals(body, read(body, "10"));
        assertArrayEquals(body, read(body, String.valueOf(body.length * 3)));
        assertArrayEquals(body, read(body, "not a number"));
        assertArrayEquals(new byte[0], read(new byte[0], "0"));
    }

    private static byte[] read(byte[] body, String declaredLength) throws IOException {
        return ControlCharacters.read(new ByteArrayInputStream(body), declaredLength);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
