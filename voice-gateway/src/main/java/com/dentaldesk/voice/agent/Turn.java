package com.dentaldesk.voice.agent;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.dentaldesk.contracts.retell.RetellResponse;
import com.dentaldesk.contracts.retell.Utterance;
import com.dentaldesk.voice.tools.ToolResult;

import dev.langchain4j.model.chat.response.StreamingHandle;

/**
 * One answer to one {@code response_id}. Everything it says goes through {@link CallSession#emit}, which drops
 * it once a newer id arrived; {@link #cancel()} also closes the model stream and wakes whoever waits on it.
 */
public final class Turn {

    private static final int MAX_FILLERS = 2;

    private final long responseId;
    private final boolean reminder;
    private final List<Utterance> transcript;
    private final CallSession session;
    private final long startedNanos = System.nanoTime();
    private final CompletableFuture<Void> cancelled = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicBoolean spoke = new AtomicBoolean();
    private final AtomicBoolean modelAsked = new AtomicBoolean();
    private final AtomicInteger fillers = new AtomicInteger();
    private volatile StreamingHandle stream;
    private volatile long firstChunkNanos = -1;

    Turn(long responseId, boolean reminder, List<Utterance> transcript, CallSession session) {
        this.responseId = responseId;
        this.reminder = reminder;
        this.transcript = transcript == null ? List.of() : List.copyOf(transcript);
        this.session = session;
    }

    public long responseId() {
        return responseId;
    }

    public boolean reminder() {
        return reminder;
    }

    public List<Utterance> transcript() {
        return transcript;
    }

    public boolean isCancelled() {
        return cancelled.isDone();
    }

    /** Completes when the turn is superseded; lets waits end early. */
    public CompletableFuture<Void> cancellation() {
        return cancelled;
    }

    public boolean isFinished() {
        return finished.get();
    }

    public boolean hasSpoken() {
        return spoke.get();
    }

    /** Streams a piece of the answer. */
    public void say(String text) {
        if (text == null || text.isEmpty() || finished.get()) {
            return;
        }
        if (session.emit(this, RetellResponse.Response.chunk(responseId, text))) {
            markSpoken();
        }
    }

    /** A holding line while something slow runs; at most a couple per turn so it never becomes a loop. */
    public void filler(String text) {
        if (!finished.get() && !isCancelled() && fillers.incrementAndGet() <= MAX_FILLERS) {
            say(text);
        }
    }

    /** Closes the answer ({@code content_complete:true}); only the first call counts. */
    public void finish(String text) {
        if (finished.compareAndSet(false, true)) {
            String content = text == null ? "" : text;
            if (session.emit(this, RetellResponse.Response.complete(responseId, content)) && !content.isEmpty()) {
                markSpoken();
            }
        }
    }

    /** Closes the answer with a line the caller cannot interrupt, then hangs up or transfers. */
    public void finish(ToolResult.Closing closing) {
        if (finished.compareAndSet(false, true)) {
            RetellResponse.Response frame = closing.transferNumber() != null
                    ? RetellResponse.Response.transfer(responseId, closing.line(), closing.transferNumber())
                    : RetellResponse.Response.hangUp(responseId, closing.line());
            if (session.emit(this, frame)) {
                markSpoken();
            }
        }
    }

    /** Sends a tool event for Retell's transcript (dropped like any other frame once stale). */
    public void event(RetellResponse frame) {
        session.emit(this, frame);
    }

    /** Remembers the model stream so a barge-in can close it. */
    public void attach(StreamingHandle handle) {
        stream = handle;
        if (isCancelled() && handle != null) {
            handle.cancel();
        }
    }

    /**
     * The model stream has ended. Forgets it: the stream holds the whole request, every event of the answer and
     * LangChain4j's builders, which would otherwise live on with this turn until the caller speaks again: seconds, so
     * the collector copied them at young pauses (at 1,000 calls this halved the bytes copied per pause).
     */
    public void streamEnded() {
        stream = null;
    }

    public void cancel() {
        cancelled.complete(null);
        StreamingHandle handle = stream;
        if (handle != null && !handle.isCancelled()) {
            handle.cancel();
        }
    }

    public long startedNanos() {
        return startedNanos;
    }

    /** Nanoseconds from the request to the first spoken content, -1 if none yet. */
    public long firstChunkNanos() {
        return firstChunkNanos;
    }

    /** True once per turn, for its first model request: the gateway's own time before the model is measured then. */
    boolean firstModelRequest() {
        return modelAsked.compareAndSet(false, true);
    }

    private void markSpoken() {
        if (spoke.compareAndSet(false, true)) {
            firstChunkNanos = System.nanoTime() - startedNanos;
        }
    }
}
