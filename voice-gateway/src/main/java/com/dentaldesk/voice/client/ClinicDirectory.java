package com.dentaldesk.voice.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import com.dentaldesk.contracts.booking.ClinicProfile;
import com.dentaldesk.voice.agent.Workers;
import com.dentaldesk.voice.config.GatewayConfig;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds the clinic of a call through booking-api's single resolver and keeps the answer so greetings come from
 * data at hand. Every {@code clinic-cache-ttl} (5 s) the clinics that had a call in the last hour are read again in
 * the background, so a greeting or setting saved in the console is live on the next call within seconds, and a
 * greeting never waits on booking-api for a clinic it already knows (nor do a thousand calls opening at once send a
 * thousand identical lookups). While booking-api is away a known answer is kept for {@link #KEPT_THROUGH_OUTAGE}.
 * Never guesses: unknown stays unknown, and a refresh that finds the clinic gone removes it.
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

    /** How a clinic was asked for: by slug, Retell agent id or called number. */
    private record Query(String slug, String agentId, String toNumber) {
    }

    private record Cached(Query query, ClinicProfile clinic, Instant freshUntil, Instant usableUntil) {
    }

    static final Duration KEPT_THROUGH_OUTAGE = Duration.ofMinutes(10);
    /** A clinic without a call for this long is no longer refreshed; its next call looks it up again. */
    private static final Duration KEPT_UNUSED = Duration.ofHours(1);

    private final BookingApiClient client;
    private final Executor background;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

    public ClinicDirectory(BookingApiClient client, Workers workers, GatewayConfig config) {
        this.client = client;
        this.background = workers::execute;
        this.ttl = config.bookingApi().clinicCacheTtl();
        if (!ttl.isZero()) {
            workers.timer().scheduleWithFixedDelay(this::refreshKnown, ttl.toMillis(), ttl.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** By slug from the URL first, then Retell agent id, then the called number. Blocking. */
    public Lookup resolve(String slug, String agentId, String toNumber) {
        if (slug == null && agentId == null && toNumber == null) {
            return new Lookup.Unknown();
        }
        Query query = new Query(slug, agentId, toNumber);
        String key = keyOf(query);
        Cached cached = cache.get(key);
        Instant now = Instant.now();
        if (cached != null && now.isBefore(cached.usableUntil())) {
            lastUsed.put(key, now);
            if (!now.isBefore(cached.freshUntil())) {
                refreshInBackground(key, query);
            }
            return new Lookup.Found(cached.clinic());
        }
        Lookup lookup = fetch(key, query);
        if (lookup instanceof Lookup.Found) {
            lastUsed.put(key, now);
        }
        return lookup;
    }

    /** Reads again the clinics that had a call lately; forgets the others. */
    private void refreshKnown() {
        Instant unusedSince = Instant.now().minus(KEPT_UNUSED);
        for (Cached cached : cache.values()) {
            String key = keyOf(cached.query());
            if (lastUsed.getOrDefault(key, Instant.MIN).isBefore(unusedSince)) {
                cache.remove(key);
                lastUsed.remove(key);
            } else {
                refreshInBackground(key, cached.query());
            }
        }
    }

    private void refreshInBackground(String key, Query query) {
        if (refreshing.add(key)) {
            background.execute(() -> {
                try {
                    fetch(key, query);
                } finally {
                    refreshing.remove(key);
                }
            });
        }
    }

    private static String keyOf(Query query) {
        return query.slug() != null ? "slug:" + query.slug() : query.agentId() != null ? "agent:" + query.agentId()
                : "to:" + query.toNumber();
    }

    private Lookup fetch(String key, Query query) {
        try {
            Optional<ClinicProfile> clinic = query.slug() != null ? client.resolveClinic(null, null, query.slug())
                    : query.agentId() != null ? client.resolveClinic(query.agentId(), null, null)
                    : client.resolveClinic(null, query.toNumber(), null);
            if (clinic.isEmpty()) {
                cache.remove(key);
                lastUsed.remove(key);
                return new Lookup.Unknown();
            }
            Instant fetched = Instant.now();
            // Only clinics found are remembered (lookups of unknown numbers must not grow this map), and before the
            // entry, so the refresh timer never takes a new entry for an unused one.
            lastUsed.putIfAbsent(key, fetched);
            // A zero ttl turns the cache off (tests); otherwise a known clinic outlives an outage.
            Duration kept = ttl.isZero() ? Duration.ZERO : ttl.compareTo(KEPT_THROUGH_OUTAGE) > 0 ? ttl
                    : KEPT_THROUGH_OUTAGE;
            cache.put(key, new Cached(query, clinic.get(), fetched.plus(ttl), fetched.plus(kept)));
            return new Lookup.Found(clinic.get());
        } catch (RuntimeException e) {
            // Includes an open circuit breaker: all mean "cannot know now".
            return new Lookup.Unavailable();
        }
    }
}
