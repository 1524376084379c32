package com.dentaldesk.booking;

import static com.dentaldesk.booking.support.RetellEvents.bytes;
import static com.dentaldesk.booking.support.RetellEvents.inboundCall;
import static com.dentaldesk.booking.support.RetellEvents.newCallId;
import static com.dentaldesk.booking.support.RetellEvents.newNumber;
import static com.dentaldesk.booking.support.RetellEvents.post;
import static com.dentaldesk.booking.support.RetellEvents.signature;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.retell.WebhookSignature;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.booking.support.InboxProbe;
import com.dentaldesk.booking.support.RetellWireMock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(RetellWireMock.class)
class RetellWebhookSignatureTest {

    @Inject
    InboxProbe inbox;

    private final String callId = newCallId();
    private final byte[] body = bytes(inboundCall("call_started", callId, "agent_nobody", newNumber(), newNumber()));

    @Test
    void shouldAcceptAndStoreAnEventSignedWithTheSecret() {
        post(body, signature(body, Instant.now())).statusCode(204);

        assertThat(inbox.stored(callId)).isEqualTo(1);
    }

    @Test
    void shouldAcceptATimestampInsideTheFiveMinuteWindow() {
        post(body, signature(body, Instant.now().minus(Duration.ofMinutes(4)))).statusCode(204);
    }

    @Test
    void shouldStoreAnIdenticalRedeliveryOnce() {
        post(body, signature(body, Instant.now())).statusCode(204);
        post(body, signature(body, Instant.now().plusMillis(5))).statusCode(204);

        assertThat(inbox.stored(callId)).isEqualTo(1);
    }

    @Test
    void shouldRejectAnEventWithoutSignatureAndWriteNothing() {
        post(body, null).statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));

        assertThat(inbox.stored(callId)).isZero();
    }

    @Test
    void shouldRejectASignatureMadeWithAnotherSecretAndWriteNothing() {
        post(body, WebhookSignature.sign(body, "not-the-secret", Instant.now())).statusCode(401);
        post(body, "v=" + Instant.now().toEpochMilli() + ",d=" + "0".repeat(64)).statusCode(401);
        post(body, "garbage").statusCode(401);

        assertThat(inbox.stored(callId)).isZero();
    }

    @Test
    void shouldRejectAStaleOrFutureSignatureAndWriteNothing() {
        post(body, signature(body, Instant.now().minus(Duration.ofMinutes(6)))).statusCode(401);
        post(body, signature(body, Instant.now().plus(Duration.ofMinutes(6)))).statusCode(401);

        assertThat(inbox.stored(callId)).isZero();
    }

    @Test
    void shouldRejectAValidSignatureReplayedWithAnotherBody() {
        String otherCall = newCallId();
        byte[] other = bytes(inboundCall("call_ended", otherCall, "agent_nobody", newNumber(), newNumber()));

        post(other, signature(body, Instant.now())).statusCode(401);

        assertThat(inbox.stored(otherCall)).isZero();
        assertThat(inbox.stored(callId)).isZero();
    }

    @Test
    void shouldAcknowledgeAndIgnoreASignedEventThatDescribesNoCall() {
        long before = inbox.total();
        byte[] chat = bytes(Map.of("event", "chat_ended", "chat", Map.of("chat_id", "chat_1", "agent_id", "agent_nobody")));
        byte[] callless = bytes(Map.of("event", "call_ended"));

        post(chat, signature(chat, Instant.now())).statusCode(204);
        post(callless, signature(callless, Instant.now())).statusCode(204);

        assertThat(inbox.total()).isEqualTo(before);
    }

    @Test
    void shouldStillRefuseAnEventWithoutSignatureEvenWhenItDescribesNoCall() {
        byte[] chat = bytes(Map.of("event", "chat_ended", "chat", Map.of("chat_id", "chat_2")));

        post(chat, null).statusCode(401);
    }

    @Test
    void shouldAnswerTheHealthCheck() {
        given().get("/api/retell/webhook").then().statusCode(200).body("data.status", equalTo("ok"));
    }
}
