package com.dentaldesk.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.dentaldesk.contracts.retell.RetellResponse;

/** Everything the agent sent for one {@code response_id}: streamed text, tool events, the closing actions. */
public final class AgentTurn {

    private final long responseId;
    private final long requestedAtNanos;
    private final StringBuilder content = new StringBuilder();
    private final List<String> chunks = new ArrayList<>();
    private final List<String> toolsInvoked = new ArrayList<>();
    private final List<RetellResponse.ToolCallResult> toolResults = new ArrayList<>();
    private final CountDownLatch complete = new CountDownLatch(1);
    private final CompletableFuture<AgentTurn> completion = new CompletableFuture<>();
    private long firstChunkNanos = -1;
    private boolean endCall;
    private String transferNumber;

    AgentTurn(long responseId, long requestedAtNanos) {
        this.responseId = responseId;
        this.requestedAtNanos = requestedAtNanos;
    }

    synchronized void onResponse(RetellResponse.Response frame, long nowNanos) {
        if (frame.content() != null && !frame.content().isEmpty()) {
            if (firstChunkNanos < 0) {
                firstChunkNanos = nowNanos;
            }
            chunks.add(frame.content());
            content.append(frame.content());
        }
        if (Boolean.TRUE.equals(frame.endCall())) {
            endCall = true;
        }
        if (frame.transferNumber() != null) {
            transferNumber = frame.transferNumber();
        }
        if (frame.contentComplete()) {
            if (firstChunkNanos < 0) {
                firstChunkNanos = nowNanos;
            }
            complete.countDown();
            completion.complete(this);
        }
    }

    synchronized void onToolInvocation(RetellResponse.ToolCallInvocation frame) {
        toolsInvoked.add(frame.name());
    }

    synchronized void onToolResult(RetellResponse.ToolCallResult frame) {
        toolResults.add(frame);
    }

    /** Waits for {@code content_complete:true}; false on timeout. */
    public boolean await(long timeoutMillis) throws InterruptedException {
        return complete.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Completes (on the socket's thread) with {@code content_complete:true}; never fails. */
    public CompletableFuture<AgentTurn> completion() {
        return completion;
    }

    public long requestedAtNanos() {
        return requestedAtNanos;
    }

    /** {@link System#nanoTime()} of the first content (or of completion for an empty answer), -1 if none. */
    public synchronized long firstChunkAtNanos() {
        return firstChunkNanos;
    }

    public boolean isComplete() {
        return complete.getCount() == 0;
    }

    public long responseId() {
        return responseId;
    }

    public synchronized String content() {
        return content.toString();
    }

    public synchronized List<String> chunks() {
        return List.copyOf(chunks);
    }

    public synchronized List<String> toolsInvoked() {
        return List.copyOf(toolsInvoked);
    }

    public synchronized List<RetellResponse.ToolCallResult> toolResults() {
        return List.copyOf(toolResults);
    }

    public synchronized boolean endCall() {
        return endCall;
    }

    public synchronized String transferNumber() {
        return transferNumber;
    }

    /** Milliseconds from the request to the first content (or to completion for an empty answer); -1 if none. */
    public synchronized long firstChunkMillis() {
        return firstChunkNanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(firstChunkNanos - requestedAtNanos);
    }
}
