package com.dentaldesk.voice.ws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jboss.logging.Logger;

import com.dentaldesk.voice.agent.CallSessions;
import com.dentaldesk.voice.retell.RetellCodec;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/** What both socket endpoints do: translate connection events into call-session events. */
final class SocketEvents {

    private static final Logger LOG = Logger.getLogger(SocketEvents.class);
    /** RFC 6455: the message is too big to process. */
    private static final int MESSAGE_TOO_BIG = 1009;
    private static final int INTERNAL_ERROR = 1011;

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

    /**
     * A failure on a call's socket that no handler caught, e.g. a frame over the size limit. Handled here so that
     * Quarkus does not log it with the connection, whose path holds the socket secret (and whose message could hold
     * what a caller said): logged by call id and kind only, then the socket is closed with the fitting code.
     */
    static void failed(WebSocketConnection connection, Throwable failure) {
        // Vert.x reports an oversized message only in this exception's text.
        boolean tooBig = failure instanceof IllegalStateException
                && String.valueOf(failure.getMessage()).contains("max message size");
        LOG.warnf("call %s: closing the socket after %s", connection.pathParam("call_id"),
                tooBig ? "a message over the size limit" : failure.getClass().getSimpleName());
        if (connection.isOpen()) {
            connection.close(new CloseReason(tooBig ? MESSAGE_TOO_BIG : INTERNAL_ERROR,
                    tooBig ? "message too big" : "internal error")).subscribe().with(ok -> { }, error -> { });
        }
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
