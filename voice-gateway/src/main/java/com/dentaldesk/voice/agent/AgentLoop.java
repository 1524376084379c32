package com.dentaldesk.voice.agent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import com.dentaldesk.voice.config.GatewayConfig;
import com.dentaldesk.voice.metrics.CallMetrics;
import com.dentaldesk.voice.speech.ClaimHold;
import com.dentaldesk.voice.tools.ToolResult;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One turn with the model: stream the answer word by word, run the tools it asks for, feed the results
 * back, at most a few rounds. A model that fails (after one retry) hands this turn to {@link MessageTaker}; a
 * booking-api failure hands it the call. Runs on the call's virtual thread and blocks it; never on the event loop.
 */
@ApplicationScoped
public class AgentLoop {

    private static final Logger LOG = Logger.getLogger(AgentLoop.class);

    private final ChatModels models;
    private final ToolRunner tools;
    private final MessageTaker messages;
    private final Voicemail voicemail;
    private final TimeSource time;
    private final GatewayConfig config;

    public AgentLoop(ChatModels models, ToolRunner tools, MessageTaker messages, Voicemail voicemail, TimeSource time,
            GatewayConfig config) {
        this.voicemail = voicemail;
        this.models = models;
        this.tools = tools;
        this.messages = messages;
        this.time = time;
        this.config = config;
    }

    /** Thrown when the model cannot give an answer in time; this turn falls back to taking a message. */
    static final class ModelFailure extends Exception {
        private final boolean beforeFirstToken;

        ModelFailure(String reason, boolean beforeFirstToken) {
            super(reason);
            this.beforeFirstToken = beforeFirstToken;
        }
    }

    public void run(Turn turn, CallState state) {
        if (voicemail.handle(turn, state)) {
            return;
        }
        StreamingChatModel model = models.model().orElse(null);
        if (model == null) {
            messages.handle(turn, state);
            return;
        }
        List<ChatMessage> conversation = new ArrayList<>();
        conversation.add(PromptBuilder.system(state, time.now()));
        conversation.addAll(PromptBuilder.history(turn.transcript()));
        try {
            for (int step = 0;; step++) {
                if (turn.isCancelled()) {
                    return;
                }
                AiMessage answer = answer(model, turn, state, conversation);
                if (answer == null || turn.isCancelled()) {
                    return;
                }
                if (!answer.hasToolExecutionRequests()) {
                    turn.finish(turn.hasSpoken() ? "" : Phrases.NOTHING_SAID);
                    return;
                }
                if (step >= config.agent().maxToolSteps()) {
                    LOG.warnf("call %s: turn %d hit the tool step limit", state.callId(), turn.responseId());
                    turn.finish(Phrases.TOO_MANY_STEPS);
                    return;
                }
                conversation.add(answer);
                ToolResult.Closing closing = null;
                String question = null;
                for (ToolExecutionRequest request : answer.toolExecutionRequests()) {
                    if (turn.isCancelled()) {
                        // Superseded: queued tools of this turn do not start.
                        return;
                    }
                    ToolResult result = tools.run(turn, state, request);
                    if (result.unavailable()) {
                        messages.enter(turn, state, Phrases.BOOKING_DOWN);
                        return;
                    }
                    conversation.add(ToolExecutionResultMessage.from(request, result.content()));
                    if (result.closing() != null) {
                        closing = result.closing();
                    }
                    if (result.question() != null) {
                        question = result.question();
                    }
                }
                if (closing != null) {
                    if (closing.endCall()) {
                        state.mode(CallState.Mode.CLOSED);
                    }
                    turn.finish(closing);
                    return;
                }
                if (question != null) {
                    // The confirmation is the gateway's line, not the model's paraphrase: the caller's next words
                    // answer exactly this.
                    turn.finish(question);
                    return;
                }
            }
        } catch (ModelFailure e) {
            LOG.warnf("call %s: model failed on turn %d (%s); this turn takes a message", state.callId(),
                    turn.responseId(), e.getMessage());
            messages.coverTurn(turn, state, Phrases.MODEL_DOWN);
        }
    }

    /**
     * One model answer, tried a second time when the first attempt fails before its first token and the
     * first-token deadline still has time left: one dropped connection or 5xx is not worth a lost turn.
     */
    private AiMessage answer(StreamingChatModel model, Turn turn, CallState state, List<ChatMessage> conversation)
            throws ModelFailure {
        long deadline = System.nanoTime() + config.openai().firstTokenTimeout().toNanos();
        try {
            return stream(model, turn, state, conversation, deadline);
        } catch (ModelFailure first) {
            if (!first.beforeFirstToken || System.nanoTime() >= deadline || turn.isCancelled()) {
                throw first;
            }
            LOG.infof("call %s: model attempt failed on turn %d (%s); retrying once", state.callId(),
                    turn.responseId(), first.getMessage());
            CallMetrics.error("model_retry");
            return stream(model, turn, state, conversation, deadline);
        }
    }

    /** Streams one model answer; returns null if the turn was superseded meanwhile. */
    private AiMessage stream(StreamingChatModel model, Turn turn, CallState state, List<ChatMessage> conversation,
            long firstTokenDeadline) throws ModelFailure {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        // true once text or a tool call arrived; false when the stream ended without any (then a retry is safe).
        CompletableFuture<Boolean> firstToken = new CompletableFuture<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        // Words go out as they come; only text that could still become a claim of a write waits, and a claim is
        // spoken only if a write of this call backs it (TruthfulSpeech).
        TruthfulSpeech truth = new TruthfulSpeech(state, turn.responseId(),
                LocalDate.ofInstant(time.now(), PromptBuilder.zone(state.clinic())));
        ClaimHold hold = new ClaimHold(truth);
        ChatRequest request = ChatRequest.builder()
                .messages(conversation)
                .toolSpecifications(tools.specifications(state))
                .build();
        long requested = System.nanoTime();
        if (turn.firstModelRequest()) {
            CallMetrics.beforeModel(requested - turn.startedNanos());
        }
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                if (tokenArrived(context.streamingHandle())) {
                    turn.say(hold.accept(partial.text()));
                }
            }

            @Override
            public void onPartialToolCall(PartialToolCall partial, PartialToolCallContext context) {
                tokenArrived(context.streamingHandle());
            }

            /** Text or a tool call came: remembers the stream for a barge-in; false if nobody listens any more. */
            private boolean tokenArrived(StreamingHandle handle) {
                turn.attach(handle);
                if (abandoned.get() || turn.isCancelled()) {
                    handle.cancel();
                    return false;
                }
                if (firstToken.complete(true)) {
                    CallMetrics.modelFirstToken(System.nanoTime() - requested);
                }
                return true;
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                turn.streamEnded();
                firstToken.complete(false);
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                turn.streamEnded();
                firstToken.complete(false);
                done.completeExceptionally(error);
            }
        });
        try {
            CompletableFuture.anyOf(firstToken, turn.cancellation())
                    .get(Math.max(0, firstTokenDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            CompletableFuture.anyOf(done, turn.cancellation())
                    .get(config.openai().responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (turn.isCancelled()) {
                abandoned.set(true);
                return null;
            }
            ChatResponse response = done.get();
            turn.say(hold.finish());
            return response.aiMessage();
        } catch (TimeoutException e) {
            abandoned.set(true);
            CallMetrics.error("model");
            throw new ModelFailure(firstToken.isDone() ? "answer too slow" : "no first token in time", false);
        } catch (ExecutionException e) {
            abandoned.set(true);
            CallMetrics.error("model");
            throw new ModelFailure(e.getCause() == null ? "error" : e.getCause().getClass().getSimpleName(),
                    !firstToken.getNow(false));
        } catch (CancellationException e) {
            abandoned.set(true);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned.set(true);
            return null;
        }
    }
}
