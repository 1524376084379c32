package com.dentaldesk.voice.ws;

import com.dentaldesk.voice.agent.CallSessions;
import com.dentaldesk.voice.retell.RetellCodec;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;

/**
 * Retell's custom-LLM socket with the secret in the path: Retell is configured with
 * {@code wss://host/llm-websocket/<secret>} and appends {@code /{call_id}}. {@link SocketGuard} has checked
 * the secret before this class sees the connection. Handlers run on the event loop and only hand work on.
 */
@WebSocket(path = "/llm-websocket/{secret}/{call_id}")
public class LlmSocket {

    private final CallSessions sessions;
    private final RetellCodec codec;

    public LlmSocket(CallSessions sessions, RetellCodec codec) {
        this.sessions = sessions;
        this.codec = codec;
    }

    @OnOpen
    @NonBlocking
    public void onOpen(WebSocketConnection connection) {
        SocketEvents.open(sessions, codec, connection);
    }

    @OnTextMessage
    @NonBlocking
    public void onMessage(String message, WebSocketConnection connection) {
        SocketEvents.message(sessions, codec, connection, message);
    }

    @OnClose
    @NonBlocking
    public void onClose(WebSocketConnection connection, CloseReason reason) {
        SocketEvents.close(sessions, connection, reason);
    }

    @OnError
    @NonBlocking
    public void onError(WebSocketConnection connection, Throwable failure) {
        SocketEvents.failed(connection, failure);
    }
}
