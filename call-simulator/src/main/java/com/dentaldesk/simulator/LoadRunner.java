package com.dentaldesk.simulator;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.dentaldesk.contracts.retell.RetellCall;

/**
 * Many simulated Retell calls at once against a gateway wired to {@link StubLlmServer}: calls open at a set rate,
 * are greeted, then take turns until the hold time ends (or a turn limit), with Retell's ping every 2 s, a
 * transcript that grows with every exchange, a partial-transcript update while the caller "speaks", and some
 * barge-ins (a second {@code response_required} shortly after the first). Bounded in calls and time, and only
 * against 127.0.0.1.
 *
 * <p>No thread per call: pings and the steps of every call run on one small scheduled pool, sends are chained
 * without blocking ({@link RetellCallClient}), only connecting and hanging up use a few extra threads.
 */
public final class LoadRunner {

    public static final int MAX_CALLS = 2000;
    public static final long MAX_SECONDS = 600;

    /** What a caller says, in rotation: plain questions (text answers) and ones that make the stub call a tool. */
    static final List<String> PLAIN = List.of(
            "Hi, I'd like to come in for a cleaning.",
            "I have a bit of a toothache on the left side.",
            "Do you take new patients?",
            "Is it okay if I bring my son along as well?",
            "How long does a regular checkup usually take?",
            "Can you remind me where you are located?");
    static final List<String> DAYS = List.of("tomorrow", "next Monday", "next Tuesday", "next Wednesday",
            "next Thursday", "next Friday");
    static final String BARGE_IN = " Oh, and preferably in the morning if that works.";

    /** Settings of a run. */
    public record Config(String url, String clinic, String agentId, String fromNumber, String toNumber, int calls,
            Duration hold, int maxTurns, double rampPerSecond, long thinkMinMillis, long thinkMaxMillis,
            double bargeInRate, double toolTurnRate, long stubTtftMillis, long turnTimeoutMillis,
            RetellCallClient.Options options) {

        public Config {
            if (calls < 1 || calls > MAX_CALLS) {
                throw new IllegalArgumentException("calls must be 1.." + MAX_CALLS);
            }
            if (hold.isNegative() || hold.getSeconds() > MAX_SECONDS) {
                throw new IllegalArgumentException("hold must be 0.." + MAX_SECONDS + " s");
            }
            if (maxTurns < 0 || maxTurns > 1000) {
                throw new IllegalArgumentException("turns must be 0..1000");
            }
            if (rampPerSecond <= 0 || thinkMinMillis < 0 || thinkMaxMillis < thinkMinMillis) {
                throw new IllegalArgumentException("ramp must be > 0 and think min <= max");
            }
            requireLoopback(url);
        }
    }

    /** Percentiles in milliseconds. */
    public record Stats(int count, double p50, double p90, double p95, double p99, double max) {
        static Stats of(List<Long> nanos) {
            if (nanos.isEmpty()) {
                return new Stats(0, 0, 0, 0, 0, 0);
            }
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return new Stats(sorted.size(), pct(sorted, 50), pct(sorted, 90), pct(sorted, 95), pct(sorted, 99),
                    sorted.get(sorted.size() - 1) / 1e6);
        }

        private static double pct(List<Long> sorted, double p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
        }

        String line() {
            return String.format(java.util.Locale.ROOT, "n=%-6d p50 %8.2f  p90 %8.2f  p99 %8.2f  max %8.2f ms", count,
                    p50, p90, p99, max);
        }
    }

    /** The outcome of a run. {@code errors} lists counts by kind; a healthy run has none. */
    public record Report(int calls, int callsOpened, int peakCallsHeld, int callsCompleted, long turnsCompleted,
            long toolTurns, long toolRefusals, long bargeIns, long staleFrames, long pingsEchoed, long latePings,
            long lostPings, long errors,
            Map<String, Long> errorsByKind, double wallSeconds, double turnsPerSecond, long stubTtftMillis,
            Stats greeting, Stats overhead, Stats firstChunk, Stats toolTurn, Stats ping) {

        public void print(PrintWriter out) {
            out.printf("calls: %d planned, %d opened, %d held at peak, %d completed without error%n", calls,
                    callsOpened, peakCallsHeld, callsCompleted);
            out.printf("turns: %d completed (%.1f/s), %d with a booking-api tool call (+%d refused by the gateway's "
                    + "repeat cap), %d barge-ins, %d stale frames%n", turnsCompleted, turnsPerSecond, toolTurns,
                    toolRefusals, bargeIns, staleFrames);
            out.printf("pings: %d echoed, %d late (> threshold or unanswered), %d lost (no echo within Retell's 5 s)%n",
                    pingsEchoed, latePings, lostPings);
            out.printf("errors: %d %s%n", errors, errorsByKind.isEmpty() ? "" : errorsByKind);
            out.printf("greeting after open          %s%n", greeting.line());
            out.printf("overhead (first chunk - %3d) %s%n", stubTtftMillis, overhead.line());
            out.printf("first chunk (text turns)     %s%n", firstChunk.line());
            out.printf("full turn with one tool call %s%n", toolTurn.line());
            out.printf("ping echo                    %s%n", ping.line());
            out.flush();
        }
    }

    private final Config config;
    private final ScheduledExecutorService driver;
    private final ExecutorService blocking;
    private final List<Long> greetings = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> overheads = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> firstChunks = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> toolTurns = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> pings = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger peakHeld = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicLong turns = new AtomicLong();
    private final AtomicLong bargeIns = new AtomicLong();
    private final AtomicLong toolRefusals = new AtomicLong();
    private final List<RetellCallClient> clients = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch finished;
    private long deadlineNanos;

    public LoadRunner(Config config) {
        this.config = config;
        this.driver = Executors.newScheduledThreadPool(4, daemon("load-driver"));
        this.blocking = Executors.newFixedThreadPool(16, daemon("load-connect"));
        this.finished = new CountDownLatch(config.calls());
    }

    /** Refuses anything but 127.0.0.1 / ::1 / localhost: this tool must never load someone else's server. */
    public static void requireLoopback(String url) {
        String host = URI.create(url).getHost();
        try {
            if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("load only targets the loopback address, not " + host);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }

    public Report run(PrintWriter progress) throws InterruptedException {
        long start = System.nanoTime();
        long rampNanos = (long) (config.calls() / config.rampPerSecond() * 1e9);
        deadlineNanos = start + rampNanos + config.hold().toNanos();
        RetellCallClient.Options options = config.options().withScheduler(driver);
        for (int i = 0; i < config.calls(); i++) {
            int index = i;
            long at = (long) (i / config.rampPerSecond() * 1e9);
            driver.schedule(() -> blocking.execute(() -> open(index, options)), at, TimeUnit.NANOSECONDS);
        }
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(daemon("load-progress"));
        reporter.scheduleAtFixedRate(() -> {
            progress.printf("  %5.0f s: %d calls held, %d turns, %d errors%n", (System.nanoTime() - start) / 1e9,
                    held.get(), turns.get(), totalErrors());
            progress.flush();
        }, 5, 5, TimeUnit.SECONDS);
        // Hard bound: every call ends by the deadline plus one turn timeout plus hang-up time.
        long hardStopMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())
                + config.turnTimeoutMillis() + 10_000;
        if (!finished.await(hardStopMillis, TimeUnit.MILLISECONDS)) {
            error("call did not finish by the hard deadline", finished.getCount());
        }
        reporter.shutdownNow();
        double wall = (System.nanoTime() - start) / 1e9;
        long pingsEchoed = 0;
        long late = 0;
        long lost = 0;
        long stale = 0;
        synchronized (clients) {
            for (RetellCallClient client : clients) {
                pingsEchoed += client.pingsEchoed();
                late += client.latePings();
                lost += client.lostPings();
                stale += client.staleFrames();
                client.abort();
            }
        }
        driver.shutdownNow();
        blocking.shutdownNow();
        Map<String, Long> byKind = new java.util.TreeMap<>();
        errors.forEach((kind, n) -> byKind.put(kind, n.get()));
        return new Report(config.calls(), opened.get(), peakHeld.get(), completed.get(), turns.get(),
                toolTurns.size(), toolRefusals.get(), bargeIns.get(), stale, pingsEchoed, late, lost, totalErrors(), byKind,
                wall,
                turns.get() / Math.max(0.001, wall), config.stubTtftMillis(), Stats.of(greetings),
                Stats.of(overheads), Stats.of(firstChunks), Stats.of(toolTurns), Stats.of(pings));
    }

    private long totalErrors() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private void error(String kind, long count) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(count);
    }

    /** One call's progress; its steps never overlap (each is scheduled by the previous one). */
    private final class Call implements CallListener {
        final int index;
        final Random random;
        RetellCallClient client;
        int turnCount;
        volatile boolean ending;
        volatile boolean done;

        Call(int index) {
            this.index = index;
            this.random = new Random(index * 7919L + 17);
        }

        @Override
        public void onPingEcho(long delayNanos) {
            pings.add(delayNanos);
        }

        @Override
        public void onUndecodable(String text) {
            error("undecodable frame", 1);
        }

        @Override
        public void onClosed(int statusCode, String reason) {
            if (!ending) {
                error("closed by the gateway (" + statusCode + ")", 1);
                finish(false);
            }
        }

        void finish(boolean ok) {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
            }
            held.decrementAndGet();
            if (ok) {
                completed.incrementAndGet();
            }
            finished.countDown();
        }

        void hangUp(boolean ok) {
            ending = true;
            blocking.execute(() -> {
                try {
                    client.close();
                } catch (RuntimeException ignored) {
                    // Closing is best effort.
                }
                finish(ok);
            });
        }
    }

    private void open(int index, RetellCallClient.Options options) {
        Call call = new Call(index);
        RetellCall details = new RetellCall("load-" + index + "-" + Long.toHexString(System.nanoTime()),
                config.agentId(), config.fromNumber(), config.toNumber(), "inbound", null, null, System.currentTimeMillis());
        try {
            call.client = RetellCallClient.connect(config.url(), config.clinic(), details, call, options);
        } catch (RuntimeException e) {
            error("could not open the socket", 1);
            finished.countDown();
            return;
        }
        clients.add(call.client);
        opened.incrementAndGet();
        peakHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
        AgentTurn greeting = call.client.greeting();
        greeting.completion().orTimeout(config.turnTimeoutMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((turn, failure) -> {
                    if (failure != null) {
                        error(failure instanceof TimeoutException ? "greeting timed out" : "greeting failed", 1);
                        call.hangUp(false);
                        return;
                    }
                    greetings.add(turn.firstChunkAtNanos() - call.client.openedAtNanos());
                    if (turn.content().isBlank() || turn.endCall()) {
                        error("greeting empty or hung up", 1);
                        call.hangUp(false);
                        return;
                    }
                    call.client.acceptSpoken(turn);
                    next(call);
                }, driver);
    }

    /** Thinks (the agent speaks, then the caller), sends a partial transcript midway, then asks for a turn. */
    private void next(Call call) {
        long think = config.thinkMinMillis()
                + (long) (call.random.nextDouble() * (config.thinkMaxMillis() - config.thinkMinMillis()));
        if (call.turnCount >= config.maxTurns() || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(think)
                + TimeUnit.MILLISECONDS.toNanos(config.turnTimeoutMillis() / 5) > deadlineNanos) {
            long wait = Math.max(0, deadlineNanos - System.nanoTime());
            // Stay on the line (pings keep going) until the hold time is over, then hang up normally.
            driver.schedule(() -> call.hangUp(true), call.turnCount >= config.maxTurns() ? 0 : wait,
                    TimeUnit.NANOSECONDS);
            return;
        }
        String utterance = utterance(call);
        driver.schedule(() -> {
            if (!call.done) {
                call.client.update(utterance.substring(0, utterance.length() / 2));
            }
        }, think / 2, TimeUnit.MILLISECONDS);
        driver.schedule(() -> turn(call, utterance), think, TimeUnit.MILLISECONDS);
    }

    private String utterance(Call call) {
        if (call.random.nextDouble() < config.toolTurnRate()) {
            return call.random.nextInt(4) == 0 ? "Which dentists work there?"
                    : "Do you have anything " + DAYS.get(call.random.nextInt(DAYS.size())) + "?";
        }
        return PLAIN.get(call.random.nextInt(PLAIN.size()));
    }

    private void turn(Call call, String utterance) {
        if (call.done) {
            return;
        }
        call.turnCount++;
        AgentTurn first = call.client.say(utterance);
        if (call.random.nextDouble() < config.bargeInRate()) {
            // The caller keeps talking: Retell asks again with a longer transcript; the first answer is superseded.
            long after = 100 + call.random.nextInt(300);
            driver.schedule(() -> {
                if (call.done) {
                    return;
                }
                bargeIns.incrementAndGet();
                await(call, call.client.say(BARGE_IN.trim()));
            }, after, TimeUnit.MILLISECONDS);
        } else {
            await(call, first);
        }
    }

    private void await(Call call, AgentTurn turn) {
        turn.completion().orTimeout(config.turnTimeoutMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((done, failure) -> {
                    if (call.done) {
                        return;
                    }
                    if (failure != null) {
                        error("turn timed out", 1);
                        call.hangUp(false);
                        return;
                    }
                    long firstChunk = done.firstChunkAtNanos() - done.requestedAtNanos();
                    long full = System.nanoTime() - done.requestedAtNanos();
                    String content = done.content();
                    int tools = done.toolsInvoked().size();
                    if (!content.contains(StubLlmServer.ANSWER_MARK)) {
                        // The gateway fell back (model or booking-api trouble): a degraded answer, counted as error.
                        error("answer not from the model (degraded)", 1);
                    } else if (tools == 0) {
                        firstChunks.add(firstChunk);
                        overheads.add(firstChunk - TimeUnit.MILLISECONDS.toNanos(config.stubTtftMillis()));
                    } else if (tools == 1) {
                        // A refusal (e.g. the gateway's cap on identical repeated calls) is a valid answer, not an
                        // error: booking-api trouble would have turned the answer into message taking above.
                        boolean ok = done.toolResults().stream().allMatch(r -> Boolean.TRUE.equals(r.successful()));
                        if (ok) {
                            toolTurns.add(full);
                        } else {
                            toolRefusals.incrementAndGet();
                        }
                    }
                    turns.incrementAndGet();
                    call.client.acceptSpoken(done);
                    next(call);
                }, driver);
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
