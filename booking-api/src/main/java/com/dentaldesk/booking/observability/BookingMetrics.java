package com.dentaldesk.booking.observability;

import io.micrometer.core.instrument.Metrics;

/**
 * booking-api's own Prometheus series (at {@code /q/metrics}, next to Quarkus' HTTP, pool and JVM metrics). Tags
 * are closed sets (function names, error codes, event types); never ids, clinics or patient data.
 */
public final class BookingMetrics {

    private BookingMetrics() {
    }

    /** {@code booking_functions_total{function,outcome}}; CreateAppointment's outcomes are the bookings by outcome. */
    public static void function(String function, String outcome) {
        Metrics.counter("booking.functions", "function", function, "outcome", outcome).increment();
    }

    /** {@code booking_webhook_events_total{event,result}}: Retell webhooks received (stored, duplicate, rejected). */
    public static void webhook(String event, String result) {
        Metrics.counter("booking.webhook.events", "event", event, "result", result).increment();
    }

    /** {@code booking_errors_total{code}}: every error answer, by envelope code. */
    public static void error(String code) {
        Metrics.counter("booking.errors", "code", code).increment();
    }

    /** {@code booking_webhook_dead_letters_total}: events that failed every attempt (an operator should look). */
    public static void webhookDeadLetter() {
        Metrics.counter("booking.webhook.dead.letters").increment();
    }
}
