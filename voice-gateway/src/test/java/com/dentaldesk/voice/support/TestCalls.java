package com.dentaldesk.voice.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import com.dentaldesk.contracts.retell.RetellCall;
import com.dentaldesk.simulator.AgentTurn;
import com.dentaldesk.simulator.CallListener;
import com.dentaldesk.simulator.RetellCallClient;

/** Opens calls to the gateway under test the way Retell does, through the simulator's client. */
public final class TestCalls {

    public static final String SECRET = "test-secret-0123456789abcdef";

    private TestCalls() {
    }

    public static String baseUrl(URL root) {
        return "ws://" + root.getHost() + ":" + root.getPort() + "/llm-websocket/" + SECRET;
    }

    public static RetellCall inbound(String agentId) {
        return inbound("test-" + UUID.randomUUID(), agentId);
    }

    public static RetellCall inbound(String callId, String agentId) {
        return startedAt(callId, agentId, System.currentTimeMillis());
    }

    /** The call object of a call that began at this epoch millisecond (an old one means Retell reconnected). */
    public static RetellCall startedAt(String callId, String agentId, long startTimestamp) {
        return new RetellCall(callId, agentId, Clinics.CALLER, "+15559870000", "inbound", null, null, startTimestamp);
    }

    public static RetellCallClient open(URL root, RetellCall call) {
        return RetellCallClient.connect(baseUrl(root), null, call, CallListener.QUIET, options());
    }

    /** Opens the call and accepts its greeting as spoken, as Retell does once it has said it. */
    public static RetellCallClient greeted(URL root, RetellCall call) throws InterruptedException {
        RetellCallClient client = open(root, call);
        assertTrue(client.greeting().await(3000), "greeted");
        client.acceptSpoken(client.greeting());
        return client;
    }

    /** The caller says {@code words}; waits for the whole answer and accepts it as spoken. */
    public static AgentTurn exchange(RetellCallClient call, String words) throws InterruptedException {
        AgentTurn turn = call.say(words);
        assertTrue(turn.await(8000), "answer to: " + words);
        call.acceptSpoken(turn);
        return turn;
    }

    public static RetellCallClient.Options options() {
        return new RetellCallClient.Options(Duration.ofMillis(200), 250, 300);
    }
}
