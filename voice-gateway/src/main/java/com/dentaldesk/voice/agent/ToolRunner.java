package com.dentaldesk.voice.agent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import com.dentaldesk.contracts.calls.ToolCallRecord;
import com.dentaldesk.contracts.retell.RetellResponse;
import com.dentaldesk.voice.client.BookingApiClient;
import com.dentaldesk.voice.config.GatewayConfig;
import com.dentaldesk.voice.metrics.CallMetrics;
import com.dentaldesk.voice.tools.CallerTool;
import com.dentaldesk.voice.tools.ToolContext;
import com.dentaldesk.voice.tools.ToolResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs one tool call of a turn: announces it to Retell, bounds it in time (filler after ~700 ms, give up after
 * the tool timeout), caps identical repeats, records it for the conversation log. Logs name and timing only.
 */
@ApplicationScoped
public class ToolRunner {

    private static final Logger LOG = Logger.getLogger(ToolRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CallerTool> tools;
    private final List<ToolSpecification> specifications;
    private final List<ToolSpecification> confirmationCallSpecifications;
    private final BookingApiClient booking;
    private final Workers workers;
    private final TimeSource time;
    private final GatewayConfig.Agent config;

    public ToolRunner(@All List<CallerTool> tools, BookingApiClient booking, Workers workers, TimeSource time,
            GatewayConfig config) {
        this.tools = tools.stream().collect(Collectors.toMap(CallerTool::name, Function.identity()));
        this.confirmationCallSpecifications = tools.stream().map(CallerTool::specification)
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
        this.specifications = tools.stream().filter(tool -> !tool.confirmationCallsOnly())
                .map(CallerTool::specification).sorted((a, b) -> a.name().compareTo(b.name())).toList();
        this.booking = booking;
        this.workers = workers;
        this.time = time;
        this.config = config.agent();
    }

    /** The tools offered on this call: a confirmation call has two more (confirm, stop calls). */
    public List<ToolSpecification> specifications(CallState state) {
        return state.confirmation() != null ? confirmationCallSpecifications : specifications;
    }

    public ToolResult run(Turn turn, CallState state, ToolExecutionRequest request) {
        String id = request.id() != null ? request.id() : "tool-" + turn.responseId() + "-" + request.name();
        String arguments = request.arguments() == null || request.arguments().isBlank() ? "{}" : request.arguments();
        turn.event(new RetellResponse.ToolCallInvocation(id, request.name(), arguments));
        long started = System.nanoTime();
        ToolResult result = execute(turn, state, request.name(), id, arguments);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        turn.event(new RetellResponse.ToolCallResult(id, result.content(), result.successful()));
        state.recordTool(new ToolCallRecord(id, request.name(), arguments, result.content(), result.successful(),
                time.now()));
        String outcome = result.unavailable() ? "unavailable" : result.successful() ? "ok" : "refused";
        LOG.infof("call %s: tool %s %s in %d ms", state.callId(), request.name(), outcome, millis);
        CallMetrics.tool(tools.containsKey(request.name()) ? request.name() : "unknown", outcome,
                System.nanoTime() - started);
        return result;
    }

    private ToolResult execute(Turn turn, CallState state, String name, String id, String arguments) {
        CallerTool tool = tools.get(name);
        if (tool == null) {
            return ToolResult.refused("{\"status\":\"UNKNOWN_TOOL\"}");
        }
        if (state.countRepeat(name, arguments) > config.maxIdenticalToolCalls()) {
            return ToolResult.refused("{\"status\":\"REPEATED_CALL\",\"instruction\":\"This exact call already ran "
                    + "several times. Do not repeat it: ask the caller, or offer to take a message.\"}");
        }
        JsonNode args;
        try {
            args = JSON.readTree(arguments);
        } catch (Exception e) {
            return ToolResult.refused("{\"status\":\"BAD_ARGUMENTS\",\"instruction\":\"Arguments must be a JSON object.\"}");
        }
        ToolContext context = new ToolContext(state, turn.responseId(), id, time.now(), booking,
                config.maxSlotsOffered());
        Future<ToolResult> running = workers.submit(() -> tool.run(context, args));
        long timeoutMs = config.toolTimeout().toMillis();
        long fillerMs = config.fillerAfter().toMillis();
        try {
            try {
                return running.get(fillerMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException slow) {
                turn.filler(Phrases.TOOL_FILLER);
                return running.get(timeoutMs - fillerMs, TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            running.cancel(true);
            LOG.warnf("call %s: tool %s timed out after %d ms", state.callId(), name, timeoutMs);
            return ToolResult.unavailable("TIMEOUT");
        } catch (ExecutionException e) {
            LOG.warnf("call %s: tool %s failed: %s", state.callId(), name, e.getCause().getClass().getSimpleName());
            return ToolResult.unavailable("BOOKING_SYSTEM_UNAVAILABLE");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResult.unavailable("INTERRUPTED");
        }
    }
}
