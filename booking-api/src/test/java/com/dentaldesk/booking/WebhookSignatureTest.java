package com.dentaldesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.retell.WebhookSignature;
import com.dentaldesk.booking.retell.WebhookSignature.Verdict;

/** The signature scheme itself, against a digest computed independently of our code (Python's hmac). */
class WebhookSignatureTest {

    private static final byte[] BODY = "{\"event\":\"call_started\",\"call\":{\"call_id\":\"c1\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant AT = Instant.ofEpochMilli(1_767_000_000_000L);
    // python3 -c 'import hmac,hashlib;print(hmac.new(b"key_test",BODY+b"1767000000000",hashlib.sha256).hexdigest())'
    private static final String EXPECTED = "v=1767000000000,d=d25c27f7f61b6bcb70e6b5a16957f49d2a6e107646c9651bb507aef290045130";

    @Test
    void shouldSignLikeRetellsSdkOverBodyFollowedByTimestamp() {
        assertThat(WebhookSignature.sign(BODY, "key_test", AT)).isEqualTo(EXPECTED);
    }

    @Test
    void shouldVerifyRetellsDigestInAnyHexCase() {
        Duration fiveMinutes = Duration.ofMinutes(5);
        assertThat(WebhookSignature.verify(BODY, EXPECTED, "key_test", AT.plusSeconds(299), fiveMinutes))
                .isEqualTo(Verdict.VALID);
        assertThat(WebhookSignature.verify(BODY, EXPECTED.toUpperCase().replace("V=", "v=").replace(",D=", ",d="),
                "key_test", AT, fiveMinutes)).isEqualTo(Verdict.VALID);
        assertThat(WebhookSignature.verify(BODY, EXPECTED, "key_test", AT.plusSeconds(301), fiveMinutes))
                .isEqualTo(Verdict.STALE);
        assertThat(WebhookSignature.verify(BODY, EXPECTED, "other", AT, fiveMinutes)).isEqualTo(Verdict.MISMATCH);
        assertThat(WebhookSignature.verify(BODY, null, "key_test", AT, fiveMinutes)).isEqualTo(Verdict.MISSING);
        assertThat(WebhookSignature.verify(BODY, "d=abc,v=1", "key_test", AT, fiveMinutes))
                .isEqualTo(Verdict.MALFORMED);
    }
}
