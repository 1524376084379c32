package com.dentaldesk.voice.ws;

import org.jboss.logging.Logger;

import com.dentaldesk.contracts.retell.RetellResponse;
import com.dentaldesk.voice.agent.ResponseSink;
import com.dentaldesk.voice.retell.RetellCodec;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/** Writes frames to one socket without blocking the caller's thread (sends are queued by Vert.x in order). */
final class ConnectionSink implements ResponseSink {

    private static final Logger LOG = Logger.getLogger(ConnectionSink.class);
    /** RFC 6455: the server is going down. */
    private static final CloseReason GOING_AWAY = new CloseReason(1001, "server restarting");

    private final WebSocketConnection connection;
    private final RetellCodec codec;

    ConnectionSink(WebSocketConnection connection, RetellCodec codec) {
        this.connection = connection;
        this.codec = codec;
    }

    @Override
    public void send(RetellResponse frame) {
        if (connection.isClosed()) {
            return;
        }
        connection.sendText(codec.encode(frame)).subscribe().with(ok -> {
        }, failure -> LOG.debugf("send failed on connection %s: %s", connection.id(),
                failure.getClass().getSimpleName()));
    }

    @Override
    public boolean isOpen() {
        return !connection.isClosed();
    }

    @Override
    public String connectionId() {
        return connection.id();
    }

    @Override
    public void hangUp() {
        close(CloseReason.NORMAL);
    }

    @Override
    public void goAway() {
        close(GOING_AWAY);
    }

    private void close(CloseReason reason) {
        if (!connection.isClosed()) {
            connection.close(reason).subscribe().with(ok -> {
            }, failure -> {
            });
        }
    }
}
