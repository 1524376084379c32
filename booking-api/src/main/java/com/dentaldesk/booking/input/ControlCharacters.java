package com.dentaldesk.booking.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            String body = new String(context.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            context.setInputStream(new ByteArrayInputStream(cleanJson(body).getBytes(StandardCharsets.UTF_8)));
        }
        return context.proceed();
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
