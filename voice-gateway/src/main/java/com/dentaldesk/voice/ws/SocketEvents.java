package com.dentaldesk.voice.ws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import com.dentaldesk.voice.agent.CallSessions;
import com.dentaldesk.voice.retell.RetellCodec;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/** What both socket endpoints do: translate connection events into call-session events. */
final class SocketEvents {

    private SocketEvents() {
    }

    static void open(CallSessions sessions, RetellCodec codec, WebSocketConnection connection) {
        String callId = connection.pathParam("call_id");
        String clinic = queryParam(connection.handshakeRequest().query(), "clinic");
        sessions.open(callId, clinic, new ConnectionSink(connection, codec));
    }

    static void message(CallSessions sessions, RetellCodec codec, WebSocketConnection connection, String text) {
        codec.decode(text, connection.pathParam("call_id"))
                .ifPresent(request -> sessions.receive(connection.pathParam("call_id"), connection.id(), request));
    }

    static void close(CallSessions sessions, WebSocketConnection connection, CloseReason reason) {
        sessions.closed(connection.pathParam("call_id"), connection.id(), reason == null ? -1 : reason.getCode());
    }

    static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                return value.isBlank() ? null : value;
            }
        }
        return null;
    }
}
