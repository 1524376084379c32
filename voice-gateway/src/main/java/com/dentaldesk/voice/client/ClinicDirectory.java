package com.dentaldesk.voice.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import com.dentaldesk.contracts.booking.ClinicProfile;
import com.dentaldesk.voice.agent.Workers;
import com.dentaldesk.voice.config.GatewayConfig;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds the clinic of a call through booking-api's single resolver and keeps the answer so greetings come from
 * data at hand. An answer is fresh for {@code clinic-cache-ttl}; after that, for up to ten times as long, it is
 * still used while one background request refreshes it, so a greeting never waits on booking-api for a clinic it
 * already knows (and a thousand calls opening at once never send a thousand identical lookups). Never guesses:
 * unknown stays unknown, and a refresh that finds the clinic gone removes it.
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

    private record Cached(ClinicProfile clinic, Instant freshUntil, Instant usableUntil) {
    }

    private static final int USABLE_TTLS = 10;

    private final BookingApiClient client;
    private final Executor background;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

    public ClinicDirectory(BookingApiClient client, Workers workers, GatewayConfig config) {
        this.client = client;
        this.background = workers::execute;
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
        Instant now = Instant.now();
        if (cached != null && now.isBefore(cached.freshUntil())) {
            return new Lookup.Found(cached.clinic());
        }
        if (cached != null && now.isBefore(cached.usableUntil())) {
            if (refreshing.add(key)) {
                background.execute(() -> {
                    try {
                        fetch(key, slug, agentId, toNumber);
                    } finally {
                        refreshing.remove(key);
                    }
                });
            }
            return new Lookup.Found(cached.clinic());
        }
        return fetch(key, slug, agentId, toNumber);
    }

    private Lookup fetch(String key, String slug, String agentId, String toNumber) {
        try {
            Optional<ClinicProfile> clinic = slug != null ? client.resolveClinic(null, null, slug)
                    : agentId != null ? client.resolveClinic(agentId, null, null)
                    : client.resolveClinic(null, toNumber, null);
            if (clinic.isEmpty()) {
                cache.remove(key);
                return new Lookup.Unknown();
            }
            Instant fetched = Instant.now();
            cache.put(key, new Cached(clinic.get(), fetched.plus(ttl), fetched.plus(ttl.multipliedBy(USABLE_TTLS))));
            return new Lookup.Found(clinic.get());
        } catch (RuntimeException e) {
            // Includes an open circuit breaker: all mean "cannot know now".
            return new Lookup.Unavailable();
        }
    }
}
