package com.dentaldesk.booking.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable secrets: 256 random bits, URL-safe Base64 (API keys, console session tokens). */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    public static String random256() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
