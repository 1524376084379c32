package com.dentaldesk.voice.ws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.jboss.logging.Logger;

import com.dentaldesk.voice.agent.CallSessions;
import com.dentaldesk.voice.config.GatewayConfig;
import com.dentaldesk.voice.config.GatewayConfig.SecretLocation;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses the HTTP upgrade unless the URL carries the shared secret (compared in constant time) and the source
 * is allowed, so an unauthenticated client never gets a socket, a clinic lookup or an LLM call; and refuses every
 * new socket once this instance is stopping.
 */
@ApplicationScoped
public class SocketGuard implements HttpUpgradeCheck {

    private static final Logger LOG = Logger.getLogger(SocketGuard.class);

    private final byte[] secretDigest;
    private final SecretLocation location;
    private final SourceAllowlist allowlist;
    private final String clientIpHeader;
    private final CallSessions sessions;

    public SocketGuard(GatewayConfig config, CallSessions sessions) {
        this.sessions = sessions;
        this.secretDigest = sha256(config.socket().secret());
        this.location = config.socket().secretLocation();
        this.allowlist = SourceAllowlist.parse(config.socket().allowedSources().orElse(List.of()));
        this.clientIpHeader = config.socket().clientIpHeader().orElse(null);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        String source = clientAddress(request);
        if (!allowlist.allows(source)) {
            // The path holds the secret: never log it.
            LOG.warnf("socket refused: source %s not in the allowlist", source);
            return CheckResult.rejectUpgrade(403);
        }
        String pathSecret = context.pathParam("secret");
        String querySecret = request.getParam("secret");
        String presented = switch (location) {
            case path -> pathSecret;
            case query -> querySecret;
            case any -> pathSecret != null ? pathSecret : querySecret;
        };
        if (presented == null || !MessageDigest.isEqual(secretDigest, sha256(presented))) {
            LOG.warnf("socket refused: missing or wrong secret from %s", source);
            return CheckResult.rejectUpgrade(401);
        }
        if (sessions.stopping()) {
            // Stopping: Retell retries a failed open; readiness is down, so a proxy sends the retry elsewhere.
            return CheckResult.rejectUpgrade(503);
        }
        return CheckResult.permitUpgrade();
    }

    private String clientAddress(HttpServerRequest request) {
        if (clientIpHeader != null) {
            String forwarded = request.getHeader(clientIpHeader);
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    /** Hashing first makes the comparison independent of where (and whether) the lengths differ. */
    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
