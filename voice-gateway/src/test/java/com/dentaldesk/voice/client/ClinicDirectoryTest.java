package com.dentaldesk.voice.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.contracts.booking.ClinicProfile;
import com.dentaldesk.voice.agent.Workers;
import com.dentaldesk.voice.config.GatewayConfig;

/** A known clinic is answered from memory, even while its entry is being refreshed; unknown stays unknown. */
class ClinicDirectoryTest {

    private static final ClinicProfile BRIGHT = new ClinicProfile("bright", "Bright Smile Dental", "America/New_York",
            null, null, null, null, List.of(), null);
    private static final ClinicProfile RENAMED = new ClinicProfile("bright", "Bright Smile Dental & Ortho",
            "America/New_York", null, null, null, null, List.of(), null);

    private final Workers workers = new Workers();
    private final List<String> lookups = new CopyOnWriteArrayList<>();
    private volatile Optional<ClinicProfile> answer = Optional.of(BRIGHT);
    private volatile CountDownLatch slowAnswer = new CountDownLatch(0);

    private final BookingApiClient booking = new BookingApiClient(null, config(Duration.ZERO)) {
        @Override
        public Optional<ClinicProfile> resolveClinic(String agentId, String toNumber, String slug) {
            lookups.add(agentId);
            try {
                slowAnswer.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer;
        }
    };

    @AfterEach
    void stop() {
        workers.stop();
    }

    @Test
    void staleEntryIsServedAtOnceWhileOneBackgroundLookupRefreshesIt() throws Exception {
        ClinicDirectory directory = new ClinicDirectory(booking, workers, config(Duration.ofMillis(50)));
        assertEquals(BRIGHT, found(directory.resolve(null, "agent_1", null)));
        assertEquals(1, lookups.size());

        answer = Optional.of(RENAMED);
        slowAnswer = new CountDownLatch(1);
        Thread.sleep(80);
        int before = lookups.size();
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertEquals(BRIGHT, found(directory.resolve(null, "agent_1", null)), "stale but known: no waiting");
        }
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(waitedMillis < 1000, "answered from memory in " + waitedMillis + " ms");
        assertTrue(lookups.size() - before <= 1, "twenty stale reads, one refresh at a time: " + lookups.size());
        slowAnswer.countDown();

        long deadline = System.currentTimeMillis() + 3000;
        while (!found(directory.resolve(null, "agent_1", null)).equals(RENAMED)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(RENAMED, found(directory.resolve(null, "agent_1", null)));
    }

    @Test
    void aChangeSavedInTheConsoleIsLiveOnTheNextCallWithoutThatCallWaiting() throws Exception {
        ClinicDirectory directory = new ClinicDirectory(booking, workers, config(Duration.ofMillis(50)));
        assertEquals(BRIGHT, found(directory.resolve(null, "agent_1", null)));
        answer = Optional.of(RENAMED);
        // No call in between: the directory reads known clinics again on its own.
        long deadline = System.currentTimeMillis() + 3000;
        while (lookups.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(20);
        slowAnswer = new CountDownLatch(1);
        assertEquals(RENAMED, found(directory.resolve(null, "agent_1", null)), "the next call hears the new greeting");
        slowAnswer.countDown();
    }

    @Test
    void aRefreshThatFindsTheClinicGoneForgetsIt() throws Exception {
        ClinicDirectory directory = new ClinicDirectory(booking, workers, config(Duration.ofMillis(50)));
        directory.resolve(null, "agent_1", null);
        Thread.sleep(80);
        answer = Optional.empty();
        directory.resolve(null, "agent_1", null);
        long deadline = System.currentTimeMillis() + 3000;
        while (lookups.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(50);
        assertInstanceOf(ClinicDirectory.Lookup.Unknown.class, directory.resolve(null, "agent_1", null));
    }

    @Test
    void zeroTtlAsksEveryTime() {
        ClinicDirectory directory = new ClinicDirectory(booking, workers, config(Duration.ZERO));
        directory.resolve(null, "agent_1", null);
        directory.resolve(null, "agent_1", null);
        assertEquals(2, lookups.size());
    }

    private static ClinicProfile found(ClinicDirectory.Lookup lookup) {
        return assertInstanceOf(ClinicDirectory.Lookup.Found.class, lookup).clinic();
    }

    /** Only the settings these classes read; anything else is a test bug and fails loudly. */
    private static GatewayConfig config(Duration clinicTtl) {
        GatewayConfig.BookingApi bookingApi = proxy(GatewayConfig.BookingApi.class, method -> switch (method) {
            case "serviceToken" -> "test-token";
            case "clinicCacheTtl" -> clinicTtl;
            default -> throw new UnsupportedOperationException(method);
        });
        return proxy(GatewayConfig.class, method -> switch (method) {
            case "bookingApi" -> bookingApi;
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answers.apply(method.getName())));
    }
}
