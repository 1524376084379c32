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
 * The same socket with the secret as a query parameter ({@code /llm-websocket/{call_id}?secret=}), for
 * deployments configured with {@code gateway.socket.secret-location=query|any}; refused otherwise.
 */
@WebSocket(path = "/llm-websocket/{call_id}")
public class LlmSocketQuerySecret {

    private final CallSessions sessions;
    private final RetellCodec codec;

    public LlmSocketQuerySecret(CallSessions sessions, RetellCodec codec) {
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
