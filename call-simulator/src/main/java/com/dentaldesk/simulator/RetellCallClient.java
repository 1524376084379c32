package com.dentaldesk.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.dentaldesk.contracts.retell.RetellCall;
import com.dentaldesk.contracts.retell.RetellRequest;
import com.dentaldesk.contracts.retell.RetellResponse;
import com.dentaldesk.contracts.retell.Utterance;

/**
 * Retell's side of one call: connects, answers {@code config} with {@code call_details}, pings every interval
 * and times the echoes, keeps the transcript, and collects the agent's answers per {@code response_id}.
 * Thread-safe; one instance per connection (a reconnect opens a new one that carries the transcript over).
 */
public final class RetellCallClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final RetellCall call;
    private final CallListener listener;
    private final long lateThresholdMillis;
    private final long staleGraceMillis;
    private final List<Utterance> transcript;
    private final Map<Long, AgentTurn> turns = new ConcurrentHashMap<>();
    private final Map<Long, Long> pingsInFlight = new ConcurrentHashMap<>();
    private final AtomicLong latestRequestId = new AtomicLong(0);
    private final AtomicLong supersededAtNanos = new AtomicLong(0);
    private final AtomicInteger latePings = new AtomicInteger();
    private final AtomicInteger lostPings = new AtomicInteger();
    private volatile long endedAtNanos = -1;
    /** Retell's keepalive deadline: no echo within this and it drops the socket. */
    static final long RETELL_PING_DEADLINE_MS = 5000;
    private final AtomicInteger pingsEchoed = new AtomicInteger();
    private final AtomicInteger staleFrames = new AtomicInteger();
    private final AtomicLong maxPingMillis = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ScheduledExecutorService pinger;
    private final boolean ownPinger;
    private final Object sendLock = new Object();
    /** Frames are chained: java.net.http allows one outstanding send, and a chain needs no thread per call. */
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private volatile boolean sending = true;
    private final ScheduledFuture<?> pingTask;
    private volatile long openedAtNanos = -1;
    private volatile int closeCode = -1;
    private volatile boolean configReceived;
    private volatile WebSocket socket;

    private RetellCallClient(RetellCall call, CallListener listener, long lateThresholdMillis, long staleGraceMillis,
            List<Utterance> transcript, Duration pingInterval, ScheduledExecutorService sharedScheduler) {
        this.call = call;
        this.listener = listener;
        this.lateThresholdMillis = lateThresholdMillis;
        this.staleGraceMillis = staleGraceMillis;
        this.transcript = new ArrayList<>(transcript);
        // Response 0 (the greeting) is requested by opening the socket.
        turns.put(0L, new AgentTurn(0, System.nanoTime()));
        this.ownPinger = sharedScheduler == null;
        this.pinger = sharedScheduler != null ? sharedScheduler : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retell-ping-" + call.callId());
            t.setDaemon(true);
            return t;
        });
        this.pingTask = pinger.scheduleAtFixedRate(this::ping, pingInterval.toMillis(), pingInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Options of a connection; {@link #defaults()} mirrors Retell (pings every 2 s). A {@code scheduler} shared by
     * many calls (the {@code load} command) replaces the ping thread each call otherwise starts; the caller owns it.
     */
    public record Options(Duration pingInterval, long lateThresholdMillis, long staleGraceMillis,
            ScheduledExecutorService scheduler) {
        public Options(Duration pingInterval, long lateThresholdMillis, long staleGraceMillis) {
            this(pingInterval, lateThresholdMillis, staleGraceMillis, null);
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(2), 1000, 300);
        }

        public Options withScheduler(ScheduledExecutorService shared) {
            return new Options(pingInterval, lateThresholdMillis, staleGraceMillis, shared);
        }
    }

    /**
     * Opens a call. {@code baseUrl} is the URL configured in Retell (e.g. {@code ws://host/llm-websocket/SECRET});
     * Retell appends {@code /{call_id}}. A {@code {call_id}} placeholder in the URL is replaced instead.
     */
    public static RetellCallClient connect(String baseUrl, String clinic, RetellCall call, CallListener listener,
            Options options) {
        return connect(baseUrl, clinic, call, listener, options, List.of());
    }

    static RetellCallClient connect(String baseUrl, String clinic, RetellCall call, CallListener listener,
            Options options, List<Utterance> transcript) {
        RetellCallClient client = new RetellCallClient(call, listener, options.lateThresholdMillis(),
                options.staleGraceMillis(), transcript, options.pingInterval(), options.scheduler());
        try {
            client.socket = HTTP.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(7))
                    .buildAsync(callUri(baseUrl, call.callId(), clinic), client.new Receiver())
                    .get(10, TimeUnit.SECONDS);
            return client;
        } catch (Exception e) {
            client.shutdownPinger();
            client.sending = false;
            throw new SimulatorException("cannot open the socket: " + rootMessage(e), e);
        }
    }

    /** Opens a second connection for the same call, as Retell does after a lost keepalive. */
    public RetellCallClient reconnect(String baseUrl, String clinic, Options options) {
        abort();
        RetellCallClient next = connect(baseUrl, clinic, call, listener, options, transcript());
        // Retell keeps counting response ids across a reconnect; the gateway ignores ids it has seen.
        next.latestRequestId.set(latestRequestId.get());
        return next;
    }

    static URI callUri(String baseUrl, String callId, String clinic) {
        String url;
        if (baseUrl.contains("{call_id}")) {
            url = baseUrl.replace("{call_id}", callId);
        } else {
            int query = baseUrl.indexOf('?');
            String path = query < 0 ? baseUrl : baseUrl.substring(0, query);
            String rest = query < 0 ? "" : baseUrl.substring(query);
            url = (path.endsWith("/") ? path : path + "/") + callId + rest;
        }
        if (clinic != null && !clinic.isBlank()) {
            url += (url.contains("?") ? "&" : "?") + "clinic=" + URLEncoder.encode(clinic, StandardCharsets.UTF_8);
        }
        return URI.create(url);
    }

    /** The caller says something: appends to the transcript and asks for a response with the next id. */
    public AgentTurn say(String text) {
        long id;
        synchronized (this) {
            transcript.add(Utterance.user(text));
            id = nextRequestId();
        }
        return request(new RetellRequest.ResponseRequired(id, transcript(), null), id);
    }

    /** The caller stayed silent: asks for a reminder with the next id. */
    public AgentTurn remind() {
        long id = nextRequestId();
        return request(new RetellRequest.ReminderRequired(id, transcript(), null), id);
    }

    /** Sends a transcript update, which needs no answer. */
    public void update(String partialUserText) {
        List<Utterance> withPartial = new ArrayList<>(transcript());
        withPartial.add(Utterance.user(partialUserText));
        send(Frames.encode(new RetellRequest.UpdateOnly(withPartial, null, "user_turn")));
    }

    /** Sends any text frame as is, e.g. malformed JSON. */
    public void sendRaw(String text) {
        send(text);
    }

    private long nextRequestId() {
        long id = latestRequestId.incrementAndGet();
        supersededAtNanos.set(System.nanoTime());
        return id;
    }

    private AgentTurn request(RetellRequest request, long id) {
        AgentTurn turn = new AgentTurn(id, System.nanoTime());
        turns.put(id, turn);
        send(Frames.encode(request));
        return turn;
    }

    /** The answer to response 0 (the greeting, or nothing on a reconnect). */
    public AgentTurn greeting() {
        return turns.get(0L);
    }

    /** Records the agent's completed answer in the transcript, the way Retell would after speaking it. */
    public synchronized void acceptSpoken(AgentTurn turn) {
        if (!turn.content().isBlank()) {
            transcript.add(Utterance.agent(turn.content()));
        }
    }

    public synchronized List<Utterance> transcript() {
        return List.copyOf(transcript);
    }

    public RetellCall call() {
        return call;
    }

    public boolean configReceived() {
        return configReceived;
    }

    public int latePings() {
        // Pings never echoed count as late once they are older than the threshold.
        long now = nowOrEnd();
        long unanswered = pingsInFlight.values().stream()
                .filter(sent -> TimeUnit.NANOSECONDS.toMillis(now - sent) > lateThresholdMillis).count();
        return latePings.get() + (int) unanswered;
    }

    /**
     * Pings Retell would count as lost: echoed after its 5 s keepalive deadline, or never echoed and older than that
     * (Retell closes and reconnects such a socket).
     */
    public int lostPings() {
        long now = nowOrEnd();
        long unanswered = pingsInFlight.values().stream()
                .filter(sent -> TimeUnit.NANOSECONDS.toMillis(now - sent) > RETELL_PING_DEADLINE_MS).count();
        return lostPings.get() + (int) unanswered;
    }

    /** Pings in flight when the call ended were never going to be echoed: they age only until then. */
    private long nowOrEnd() {
        long ended = endedAtNanos;
        return ended > 0 ? ended : System.nanoTime();
    }

    /** {@link System#nanoTime()} when the socket opened (after the HTTP upgrade), -1 before. */
    public long openedAtNanos() {
        return openedAtNanos;
    }

    public int pingsEchoed() {
        return pingsEchoed.get();
    }

    public long maxPingMillis() {
        return maxPingMillis.get();
    }

    /** Response frames for a superseded id that arrived well after the newer request was sent. */
    public int staleFrames() {
        return staleFrames.get();
    }

    public boolean awaitClose(long timeoutMillis) throws InterruptedException {
        return closed.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    public int closeCode() {
        return closeCode;
    }

    private void ping() {
        long timestamp = System.currentTimeMillis();
        String frame = Frames.encode(new RetellRequest.PingPong(timestamp));
        // Timed from the moment it is handed to the socket, so only the gateway's delay is measured.
        enqueue(frame, () -> pingsInFlight.put(timestamp, System.nanoTime()),
                failure -> pingsInFlight.remove(timestamp));
    }

    private void send(String text) {
        enqueue(text, null, failure -> listener.onClosed(-1, "send failed: " + rootMessage(failure)));
    }

    /**
     * Sends in order without blocking any thread: each frame goes out when the previous send completed
     * (java.net.http allows one outstanding send). The receiving thread can call this safely.
     */
    private void enqueue(String text, Runnable beforeSend, java.util.function.Consumer<Throwable> onFailure) {
        synchronized (sendLock) {
            if (!sending) {
                return;
            }
            lastSend = lastSend.handle((ok, previousFailure) -> null).thenCompose(ignored -> {
                WebSocket ws = socket;
                if (ws == null || ws.isOutputClosed()) {
                    return CompletableFuture.completedFuture(null);
                }
                if (beforeSend != null) {
                    beforeSend.run();
                }
                return ws.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        onFailure.accept(failure);
                    }
                });
            });
        }
    }

    private CompletableFuture<?> stopSending() {
        synchronized (sendLock) {
            sending = false;
            return lastSend;
        }
    }

    /** Hangs up normally (code 1000: Retell does not reconnect). */
    @Override
    public void close() {
        shutdownPinger();
        try {
            stopSending().get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // A send that failed or hangs does not keep the call open.
        }
        if (socket != null && !socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "call ended").get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                socket.abort();
            }
        }
    }

    /** Drops the connection without a close frame, like a network failure. */
    public void abort() {
        shutdownPinger();
        stopSending();
        if (socket != null) {
            socket.abort();
        }
        closed.countDown();
    }

    private void shutdownPinger() {
        if (endedAtNanos < 0) {
            endedAtNanos = System.nanoTime();
        }
        if (pingTask != null) {
            pingTask.cancel(false);
        }
        if (ownPinger) {
            pinger.shutdownNow();
        }
    }

    private void onFrame(RetellResponse frame) {
        long now = System.nanoTime();
        listener.onFrame(frame);
        if (frame instanceof RetellResponse.Config) {
            configReceived = true;
            send(Frames.encode(new RetellRequest.CallDetails(call)));
        } else if (frame instanceof RetellResponse.PingPong p) {
            Long sent = pingsInFlight.remove(p.timestamp());
            if (sent != null) {
                long delay = TimeUnit.NANOSECONDS.toMillis(now - sent);
                pingsEchoed.incrementAndGet();
                listener.onPingEcho(now - sent);
                maxPingMillis.accumulateAndGet(delay, Math::max);
                if (delay > RETELL_PING_DEADLINE_MS) {
                    lostPings.incrementAndGet();
                }
                if (delay > lateThresholdMillis) {
                    latePings.incrementAndGet();
                    listener.onLatePing(delay);
                }
            }
        } else if (frame instanceof RetellResponse.Response r) {
            if (r.responseId() < latestRequestId.get()
                    && TimeUnit.NANOSECONDS.toMillis(now - supersededAtNanos.get()) > staleGraceMillis) {
                staleFrames.incrementAndGet();
            }
            AgentTurn turn = turns.get(r.responseId());
            if (turn != null) {
                turn.onResponse(r, now);
            }
        } else if (frame instanceof RetellResponse.ToolCallInvocation t) {
            currentTurn().onToolInvocation(t);
        } else if (frame instanceof RetellResponse.ToolCallResult t) {
            currentTurn().onToolResult(t);
        }
    }

    private AgentTurn currentTurn() {
        return turns.getOrDefault(latestRequestId.get(), turns.get(0L));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            // Frames can arrive before buildAsync() returns: the socket must be usable from the first one.
            socket = webSocket;
            openedAtNanos = System.nanoTime();
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    onFrame(Frames.decode(text));
                } catch (Exception e) {
                    listener.onUndecodable(text);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
            listener.onUndecodable("<binary frame>");
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            shutdownPinger();
            listener.onClosed(statusCode, reason);
            closed.countDown();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            shutdownPinger();
            listener.onClosed(-1, rootMessage(error));
            closed.countDown();
        }
    }
}
