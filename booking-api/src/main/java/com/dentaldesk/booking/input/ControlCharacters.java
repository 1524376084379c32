package com.dentaldesk.booking.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Control characters never reach the database: every JSON body read into an object has them removed first (all of
 * C0 but tab, newline and carriage return, raw or as {@code \\u00XX} escapes). PostgreSQL refuses NUL in text and
 * jsonb, and the refusal used to answer 500 while Hibernate and Narayana logged the statement's values, patient
 * data included. Console forms go through {@link #clean} where their fields become records. Raw bodies ({@code byte[]}, {@code String}) are left as they came: a Retell webhook's signature
 * is computed over its exact bytes, and its inbox cleans the stored copy with {@link #cleanJson}.
 */
@Provider
public class ControlCharacters implements ReaderInterceptor {

    /** An escape of a control character that is not itself escaped (an even run of backslashes before it). */
    private static final Pattern ESCAPED = Pattern.compile(
            "(?<!\\\\)((?:\\\\\\\\)*)\\\\u00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F])");
    private static final Pattern RAW = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Class<?> type = context.getType();
        if (type != byte[].class && type != String.class
                && MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            byte[] body = read(context.getInputStream(), context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH));
            if (mayHoldControlCharacters(body)) {
                String text = new String(body, StandardCharsets.UTF_8);
                body = cleanJson(text).getBytes(StandardCharsets.UTF_8);
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    /**
     * Nearly every body is clean, and it then goes on byte for byte, without a text copy and two regular expressions
     * (a profile of booking-api under the gateway's call records put this interceptor at a tenth of its CPU). UTF-8
     * encodes every character above U+007F in bytes of 0x80 and up, so a raw control character is exactly a byte below
     * 0x20, and an escaped one needs {@code \\u00}.
     */
    static boolean mayHoldControlCharacters(byte[] json) {
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return true;
            }
            if (b == '\\' && i + 3 < json.length && json[i + 1] == 'u' && json[i + 2] == '0' && json[i + 3] == '0') {
                return true;
            }
        }
        return false;
    }

    /** The whole body, in a buffer of its declared length: {@code readAllBytes} starts every body with 16 KB. */
    static byte[] read(InputStream in, String declaredLength) throws IOException {
        int size = 1024;
        if (declaredLength != null) {
            try {
                // RequestLimits has refused longer bodies before this runs; the cap only guards the allocation.
                size = (int) Math.min(Math.max(Long.parseLong(declaredLength.trim()), 0), RequestLimits.MAX_WEBHOOK_BODY);
            } catch (NumberFormatException e) {
                // Refused by RequestLimits already; read as if undeclared.
            }
        }
        byte[] buffer = new byte[Math.max(size, 1)];
        int length = 0;
        while (true) {
            int read = in.readNBytes(buffer, length, buffer.length - length);
            length += read;
            if (length < buffer.length) {
                return Arrays.copyOf(buffer, length);
            }
            int next = in.read();
            if (next < 0) {
                return buffer;
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
            buffer[length++] = (byte) next;
        }
    }

    /** Plain text (a form field) without control characters; tab, newline and carriage return are kept. */
    public static String clean(String text) {
        return text == null ? null : RAW.matcher(text).replaceAll("");
    }

    /** A form field as a person typed it: without control characters and surrounding blanks; empty for none. */
    public static String field(String text) {
        return text == null ? "" : clean(text).strip();
    }

    /** JSON text without control characters in its strings (whitespace between tokens is kept). */
    public static String cleanJson(String json) {
        Matcher escaped = ESCAPED.matcher(json);
        String withoutEscapes = escaped.find() ? escaped.replaceAll("$1") : json;
        return RAW.matcher(withoutEscapes).replaceAll("");
    }
}
