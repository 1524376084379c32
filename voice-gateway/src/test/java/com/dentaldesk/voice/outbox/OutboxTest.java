package com.dentaldesk.voice.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dentaldesk.voice.support.Await;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The outbox's promise: what it kept reaches booking-api, across outages and restarts, or waits for an operator. */
class OutboxTest {

    @TempDir
    Path dir;

    /** A booking-api that answers what {@code answer} says and remembers what it was handed. */
    private static final class FakeBookingApi implements Courier {
        final List<Letter> received = new CopyOnWriteArrayList<>();
        volatile Function<Letter, Result> answer;

        FakeBookingApi(Function<Letter, Result> answer) {
            this.answer = answer;
        }

        @Override
        public Result deliver(Letter letter) {
            Result result = answer.apply(letter);
            if (result == Result.DELIVERED) {
                received.add(letter);
            }
            return result;
        }
    }

    private Outbox outbox(Courier courier) {
        return new Outbox(dir, 100, Duration.ofMillis(20), Duration.ofMillis(100), courier);
    }

    private static Letter lead(String callId, String reason) {
        return new Letter(Letter.Kind.LEAD, "bright-smiles", "agent_1", "+12125550100", callId,
                JsonNodeFactory.instance.objectNode().put("callId", callId).put("reason", reason));
    }

    @Test
    void shouldDeliverALetterKeptBeforeTheProcessDiedWhenTheNextProcessStarts() throws Exception {
        FakeBookingApi down = new FakeBookingApi(letter -> Courier.Result.UNAVAILABLE);
        Outbox first = outbox(down);
        first.start();
        assertTrue(first.keep(lead("call_1", "toothache")));
        first.stop(); // the process dies with booking-api still down

        FakeBookingApi back = new FakeBookingApi(letter -> Courier.Result.DELIVERED);
        Outbox second = outbox(back);
        second.start();
        try {
            Await.until(Duration.ofSeconds(10), () -> back.received.size() == 1);
            assertEquals("call_1", back.received.get(0).callId());
            assertEquals("toothache", back.received.get(0).body().path("reason").asText());
            Await.until(Duration.ofSeconds(10), () -> second.waiting() == 0);
            assertEquals(List.of(), letterFiles());
        } finally {
            second.stop();
        }
    }

    @Test
    void shouldKeepRetryingThroughALongOutageAndDeliverOnceBookingApiIsBack() throws Exception {
        FakeBookingApi booking = new FakeBookingApi(letter -> Courier.Result.UNAVAILABLE);
        Outbox outbox = outbox(booking);
        outbox.start();
        try {
            outbox.keep(lead("call_2", "crown came off"));
            Thread.sleep(600); // several backoff rounds, all failing
            assertEquals(1, outbox.waiting());
            booking.answer = letter -> Courier.Result.DELIVERED;
            Await.until(Duration.ofSeconds(10), () -> booking.received.size() == 1);
            Await.until(Duration.ofSeconds(10), () -> outbox.waiting() == 0);
        } finally {
            outbox.stop();
        }
    }

    @Test
    void shouldDeliverOnlyTheNewestLetterOfACall() throws Exception {
        Outbox whileDown = outbox(letter -> Courier.Result.UNAVAILABLE);
        whileDown.start();
        whileDown.keep(lead("call_3", "first version"));
        whileDown.keep(lead("call_3", "second version"));
        assertEquals(1, whileDown.waiting());
        whileDown.stop();

        FakeBookingApi booking = new FakeBookingApi(letter -> Courier.Result.DELIVERED);
        Outbox outbox = outbox(booking);
        outbox.start();
        try {
            Await.until(Duration.ofSeconds(10), () -> outbox.waiting() == 0);
            assertEquals(1, booking.received.size());
            assertEquals("second version", booking.received.get(0).body().path("reason").asText());
        } finally {
            outbox.stop();
        }
    }

    @Test
    void shouldMoveARefusedLetterToDeadForAnOperatorAndGoOnWithTheRest() throws Exception {
        FakeBookingApi booking = new FakeBookingApi(letter -> Courier.Result.UNAVAILABLE);
        Outbox outbox = outbox(booking);
        outbox.start();
        try {
            outbox.keep(lead("call_bad", "refused"));
            outbox.keep(lead("call_good", "fine"));
            booking.answer = letter -> letter.callId().equals("call_bad") ? Courier.Result.REFUSED
                    : Courier.Result.DELIVERED;
            Await.until(Duration.ofSeconds(10), () -> outbox.waiting() == 0);
            assertEquals(List.of("call_good"), booking.received.stream().map(Letter::callId).toList());
            assertEquals(1, outbox.dead());
            try (Stream<Path> dead = Files.list(dir.resolve("dead"))) {
                assertTrue(Files.readString(dead.findFirst().orElseThrow()).contains("call_bad"));
            }
        } finally {
            outbox.stop();
        }
    }

    @Test
    void shouldNotLetOneLetterBookingApiKeepsFailingOnHoldUpTheOthers() throws Exception {
        FakeBookingApi booking = new FakeBookingApi(letter -> Courier.Result.UNAVAILABLE);
        Outbox outbox = outbox(booking);
        outbox.start();
        try {
            Letter poison = lead("call_poison", "booking-api fails on this one");
            outbox.keep(poison);
            // The oldest, so it comes first in every round.
            Files.setLastModifiedTime(dir.resolve(Outbox.fileName(poison)),
                    java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
            outbox.keep(lead("call_next", "fine"));
            outbox.keep(lead("call_last", "fine too"));
            // booking-api is back, but answers 5xx for the oldest letter every time.
            booking.answer = letter -> letter.callId().equals("call_poison") ? Courier.Result.UNAVAILABLE
                    : Courier.Result.DELIVERED;
            // A delivered letter's file goes just after the courier's answer: wait for both.
            Await.until(Duration.ofSeconds(10), () -> booking.received.size() == 2 && outbox.waiting() == 1);
            assertEquals(java.util.Set.of("call_next", "call_last"),
                    booking.received.stream().map(Letter::callId).collect(java.util.stream.Collectors.toSet()));
            assertTrue(Files.exists(dir.resolve(Outbox.fileName(poison))), "the failing letter is kept for the next round");
        } finally {
            outbox.stop();
        }
    }

    @Test
    void shouldRefuseANewLetterWhenFullAndSaySo() {
        Outbox outbox = new Outbox(dir, 2, Duration.ofMillis(20), Duration.ofMillis(100),
                letter -> Courier.Result.UNAVAILABLE);
        outbox.start();
        try {
            assertTrue(outbox.keep(lead("call_a", "a")));
            assertTrue(outbox.keep(lead("call_b", "b")));
            assertFalse(outbox.keep(lead("call_c", "c")), "a full outbox says it did not keep the letter");
            assertTrue(outbox.keep(lead("call_a", "a, newer")), "replacing a kept letter needs no room");
            assertEquals(2, outbox.waiting());
        } finally {
            outbox.stop();
        }
    }

    @Test
    void shouldRefuseToStartOnADirectoryItCannotWrite() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        Outbox outbox = new Outbox(file, 10, Duration.ofMillis(20), Duration.ofMillis(100),
                letter -> Courier.Result.DELIVERED);
        IllegalStateException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                outbox::start);
        assertTrue(error.getMessage().contains("GATEWAY_OUTBOX_DIR"), error.getMessage());
    }

    private List<Path> letterFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }
}
