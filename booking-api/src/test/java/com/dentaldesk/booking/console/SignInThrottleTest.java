package com.dentaldesk.booking.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-address limit holds across clinics, and only the address that guessed is held back. */
class SignInThrottleTest {

    @Test
    void shouldHoldBackAnAddressAfterItsFailuresWhateverClinicItNames() {
        SignInThrottle throttle = new SignInThrottle(3, 100);
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.wait("clinic-" + i, "203.0.113.9").isEmpty());
            throttle.failed("clinic-" + i, "203.0.113.9");
        }
        assertTrue(throttle.wait("clinic-9", "203.0.113.9").isPresent());
        assertFalse(throttle.wait("clinic-9", "198.51.100.4").isPresent());
    }

    @Test
    void shouldHoldBackAClinicAfterItsFailuresFromAnyAddress() {
        SignInThrottle throttle = new SignInThrottle(100, 3);
        for (int i = 0; i < 3; i++) {
            throttle.failed("Bright-Smile ", "198.51.100." + i);
        }
        assertTrue(throttle.wait("bright-smile", "192.0.2.1").isPresent());
        assertFalse(throttle.wait("other-clinic", "192.0.2.1").isPresent());
    }
}
