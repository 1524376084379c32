package com.dentaldesk.booking;

import static com.dentaldesk.booking.support.RetellEvents.bytes;
import static com.dentaldesk.booking.support.RetellEvents.inboundCall;
import static com.dentaldesk.booking.support.RetellEvents.newCallId;
import static com.dentaldesk.booking.support.RetellEvents.newNumber;
import static com.dentaldesk.booking.support.RetellEvents.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.retell.WebhookSignature;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.booking.support.InboxProbe;
import com.dentaldesk.booking.support.RetellEvents;
import com.dentaldesk.booking.support.RetellWireMock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Webhooks signed by Retell's own SDK code ({@code Retell.sign} of the pinned {@code retell-sdk}, run with node),
 * posted to booking-api: what Retell really sends is accepted, anything else is refused. The SDK is installed by
 * the build ({@code npm ci} in {@code src/test/retell-contract}) before the tests run.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(RetellWireMock.class)
class RetellSdkWebhookSignatureTest {

    private static final Path SDK = Path.of(System.getProperty("retell-contract.sdk", "src/test/retell-contract"));

    @Inject
    InboxProbe inbox;

    private final String callId = newCallId();
    private final byte[] body = bytes(inboundCall("call_ended", callId, "agent_nobody", newNumber(), newNumber()));

    @Test
    void shouldAcceptAndStoreAnEventSignedByTheOfficialSdk() {
        post(body, sdk("sign", body, RetellEvents.SECRET)).statusCode(204);

        assertThat(inbox.stored(callId)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnEventTheSdkSignedWithAnotherKey() {
        post(body, sdk("sign", body, "key_without_webhook_permission")).statusCode(401);

        assertThat(inbox.stored(callId)).isZero();
    }

    @Test
    void shouldRefuseABodyChangedAfterTheSdkSignedIt() {
        String signature = sdk("sign", body, RetellEvents.SECRET);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("inbound", "outbound")
                .getBytes(StandardCharsets.UTF_8);

        post(tampered, signature).statusCode(401);

        assertThat(inbox.stored(callId)).isZero();
    }

    @Test
    void shouldSignTheWayTheOfficialSdkVerifies() {
        String ours = WebhookSignature.sign(body, RetellEvents.SECRET, Instant.now());

        assertThat(sdk("verify", body, RetellEvents.SECRET, ours)).isEqualTo("true");
        assertThat(sdk("verify", body, "another-key", ours)).isEqualTo("false");
    }

    /** Runs {@code sign.mjs} with the body on stdin; a missing node or SDK fails the test, saying how to fix it. */
    private static String sdk(String mode, byte[] body, String... args) {
        if (!Files.isDirectory(SDK.resolve("node_modules/retell-sdk"))) {
            throw new AssertionError("retell-sdk is not installed in " + SDK.toAbsolutePath()
                    + "; the build runs `npm ci` there (./mvnw -pl booking-api process-test-resources)");
        }
        List<String> command = new ArrayList<>(List.of("node", "sign.mjs", mode));
        command.addAll(List.of(args));
        try {
            Process node = new ProcessBuilder(command).directory(SDK.toFile()).redirectErrorStream(true).start();
            try (var stdin = node.getOutputStream()) {
                stdin.write(body);
            }
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new AssertionError("node sign.mjs " + mode + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run node (needed for the SDK signature test): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
