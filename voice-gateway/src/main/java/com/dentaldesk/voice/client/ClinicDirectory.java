package com.dentaldesk.voice.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.dentaldesk.contracts.booking.ClinicProfile;
import com.dentaldesk.voice.config.GatewayConfig;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds the clinic of a call through booking-api's single resolver and keeps the answer for a short while so
 * greetings come from data at hand. Never guesses: unknown stays unknown.
 */
@ApplicationScoped
public class ClinicDirectory {

    /** The outcome of a lookup. */
    public sealed interface Lookup {
        record Found(ClinicProfile clinic) implements Lookup {
        }

        record Unknown() implements Lookup {
        }

        record Unavailable() implements Lookup {
        }
    }

    private record Cached(ClinicProfile clinic, Instant until) {
    }

    private final BookingApiClient client;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ClinicDirectory(BookingApiClient client, GatewayConfig config) {
        this.client = client;
        this.ttl = config.bookingApi().clinicCacheTtl();
    }

    /** By slug from the URL first, then Retell agent id, then the called number. Blocking. */
    public Lookup resolve(String slug, String agentId, String toNumber) {
        String key = slug != null ? "slug:" + slug : agentId != null ? "agent:" + agentId
                : toNumber != null ? "to:" + toNumber : null;
        if (key == null) {
            return new Lookup.Unknown();
        }
        Cached cached = cache.get(key);
        if (cached != null && cached.until().isAfter(Instant.now())) {
            return new Lookup.Found(cached.clinic());
        }
        try {
            Optional<ClinicProfile> clinic = slug != null ? client.resolveClinic(null, null, slug)
                    : agentId != null ? client.resolveClinic(agentId, null, null)
                    : client.resolveClinic(null, toNumber, null);
            if (clinic.isEmpty()) {
                cache.remove(key);
                return new Lookup.Unknown();
            }
            cache.put(key, new Cached(clinic.get(), Instant.now().plus(ttl)));
            return new Lookup.Found(clinic.get());
        } catch (RuntimeException e) {
            // Includes an open circuit breaker: all mean "cannot know now".
            return new Lookup.Unavailable();
        }
    }

    /** Forgets cached profiles (tests, or an admin change that must apply at once). */
    public void clear() {
        cache.clear();
    }
}
