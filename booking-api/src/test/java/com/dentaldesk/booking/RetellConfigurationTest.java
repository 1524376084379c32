package com.dentaldesk.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.retell.RetellClient;
import com.dentaldesk.booking.retell.RetellConfig;
import com.dentaldesk.booking.retell.RetellException;
import com.dentaldesk.booking.retell.RetellStartupCheck;

/** Startup and degraded behaviour for missing Retell settings, without starting the application. */
class RetellConfigurationTest {

    @Test
    void shouldRefuseToStartWithoutAWebhookSecret() {
        assertThatThrownBy(() -> check(config(null, null, RetellConfig.Verification.enabled)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RETELL_WEBHOOK_SECRET")
                .hasMessageContaining("RETELL_WEBHOOK_VERIFICATION=disabled");
    }

    @Test
    void shouldStartWithoutASecretOnlyWhenVerificationIsExplicitlyDisabled() {
        assertThatCode(() -> check(config(null, null, RetellConfig.Verification.disabled))).doesNotThrowAnyException();
        assertThatCode(() -> check(config(null, "whsec", RetellConfig.Verification.enabled))).doesNotThrowAnyException();
    }

    @Test
    void shouldAnswerServiceUnavailableForRetellCallsWithoutAnApiKey() {
        RetellClient client = new RetellClient(null, config(null, "whsec", RetellConfig.Verification.enabled));

        assertThat(client.isConfigured()).isFalse();
        assertThatThrownBy(() -> client.createPhoneCall(Map.of())).isInstanceOfSatisfying(RetellException.class,
                e -> assertThat(e.error().code().httpStatus()).isEqualTo(503));
    }

    private static void check(RetellConfig config) {
        try {
            var method = RetellStartupCheck.class.getDeclaredMethod("check", io.quarkus.runtime.StartupEvent.class,
                    RetellConfig.class);
            method.setAccessible(true);
            method.invoke(new RetellStartupCheck(), null, config);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw (RuntimeException) e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RetellConfig config(String apiKey, String secret, RetellConfig.Verification verification) {
        return new RetellConfig() {
            public Optional<String> apiKey() {
                return Optional.ofNullable(apiKey);
            }

            public Optional<String> gatewayWsUrl() {
                return Optional.empty();
            }

            public Optional<String> publicUrl() {
                return Optional.empty();
            }

            public String agentLanguage() {
                return "en-US";
            }

            public Webhook webhook() {
                return new Webhook() {
                    public Optional<String> secret() {
                        return Optional.ofNullable(secret);
                    }

                    public RetellConfig.Verification verification() {
                        return verification;
                    }

                    public Duration tolerance() {
                        return Duration.ofMinutes(5);
                    }

                    public Duration sweepEvery() {
                        return Duration.ofSeconds(10);
                    }

                    public int maxAttempts() {
                        return 10;
                    }
                };
            }
        };
    }
}
