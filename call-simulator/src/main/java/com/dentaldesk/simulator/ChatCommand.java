package com.dentaldesk.simulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.dentaldesk.contracts.retell.RetellCall;
import com.dentaldesk.contracts.retell.RetellResponse;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** An interactive text call: each line typed is a caller turn; the agent's answer streams back. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Hold a text call. Type what the caller says; /remind = stay silent; /quit = hang up.")
final class ChatCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--clinic", description = "Clinic slug added to the URL (?clinic=).")
    String clinic;

    @Option(names = "--agent-id", description = "Retell agent id sent in call_details.")
    String agentId;

    @Option(names = "--from", defaultValue = "+15551230000", description = "Caller number (${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", description = "Called clinic number.")
    String to;

    @Option(names = "--call-id", description = "Call id (default: random). Reuse one to test a reconnect.")
    String callId;

    @Option(names = "--timeout-ms", defaultValue = "30000", description = "Longest wait for an answer.")
    long timeoutMs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RetellCall call = new RetellCall(callId == null ? "chat-" + UUID.randomUUID() : callId, agentId, from, to,
                "inbound", null, null, System.currentTimeMillis());
        CallListener printer = new CallListener() {
            @Override
            public void onFrame(RetellResponse frame) {
                if (frame instanceof RetellResponse.Response r && r.content() != null) {
                    out.print(r.content());
                    if (r.contentComplete()) {
                        out.println(Boolean.TRUE.equals(r.endCall()) ? "  [end_call]"
                                : r.transferNumber() != null ? "  [transfer " + r.transferNumber() + "]" : "");
                    }
                } else if (frame instanceof RetellResponse.ToolCallInvocation t) {
                    out.printf("%n  [tool %s %s]%n", t.name(), t.arguments());
                } else if (frame instanceof RetellResponse.ToolCallResult t) {
                    out.printf("  [result %s: %s]%n", t.successful() ? "ok" : "failed", t.content());
                }
                out.flush();
            }

            @Override
            public void onLatePing(long delayMillis) {
                out.printf("%n  [late ping echo: %d ms]%n", delayMillis);
                out.flush();
            }

            @Override
            public void onClosed(int statusCode, String reason) {
                out.printf("%n  [socket closed %d %s]%n", statusCode, reason == null ? "" : reason);
                out.flush();
            }
        };
        out.println("call " + call.callId() + " -> " + connection.url);
        try (RetellCallClient client = RetellCallClient.connect(connection.url, clinic, call, printer,
                connection.options())) {
            out.print("agent: ");
            out.flush();
            AgentTurn turn = client.greeting();
            turn.await(timeoutMs);
            client.acceptSpoken(turn);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (!turn.endCall() && !client.isClosed()) {
                out.print("you: ");
                out.flush();
                String line = in.readLine();
                if (line == null || line.equals("/quit")) {
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                out.print("agent: ");
                out.flush();
                turn = line.equals("/remind") ? client.remind() : client.say(line);
                if (!turn.await(timeoutMs)) {
                    out.println("  [no content_complete within " + timeoutMs + " ms]");
                }
                client.acceptSpoken(turn);
            }
            out.printf("pings echoed %d, late %d, slowest %d ms%n", client.pingsEchoed(), client.latePings(),
                    client.maxPingMillis());
        }
        return 0;
    }
}
