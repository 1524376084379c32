package com.dentaldesk.booking.retell;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Retell's webhook signature, {@code x-retell-signature: v=<unix ms>,d=<hex>}: HMAC-SHA256 of the raw body
 * followed by the timestamp, keyed with the secret. Checked on the bytes as received, before any parsing.
 */
public final class WebhookSignature {

    private static final Pattern HEADER = Pattern.compile("^v=(\\d{1,15}),d=([0-9a-fA-F]{64})$");

    private WebhookSignature() {
    }

    /** Why a signature was refused; never contains the secret or the body. */
    public enum Verdict {
        VALID, MISSING, MALFORMED, STALE, MISMATCH
    }

    public static Verdict verify(byte[] body, String header, String secret, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        Matcher match = HEADER.matcher(header.trim());
        if (!match.matches()) {
            return Verdict.MALFORMED;
        }
        long timestamp = Long.parseLong(match.group(1));
        if (Math.abs(now.toEpochMilli() - timestamp) > tolerance.toMillis()) {
            return Verdict.STALE;
        }
        byte[] expected = hmacHex(secret, body, match.group(1)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = match.group(2).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.MISMATCH;
    }

    /** The header Retell would send for this body at this time; used by tests and local tools. */
    public static String sign(byte[] body, String secret, Instant at) {
        String timestamp = String.valueOf(at.toEpochMilli());
        return "v=" + timestamp + ",d=" + hmacHex(secret, body, timestamp);
    }

    private static String hmacHex(String secret, byte[] body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(body);
            return HexFormat.of().formatHex(mac.doFinal(timestamp.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
