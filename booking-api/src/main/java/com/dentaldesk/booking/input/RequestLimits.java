package com.dentaldesk.booking.input;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.dentaldesk.booking.observability.BookingMetrics;
import com.dentaldesk.contracts.booking.ApiError;
import com.dentaldesk.contracts.booking.ApiResponse;
import com.dentaldesk.contracts.booking.ErrorCode;
import com.dentaldesk.contracts.booking.NextAction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Size limits per route, checked on the request line and the declared length before any byte of the body is read,
 * and refused with the error envelope (Vert.x' own 413 and 414 carry no body). A body sent without a length is cut
 * by {@code quarkus.http.limits.max-body-size}, the largest limit here.
 */
@ApplicationScoped
public class RequestLimits {

    /** Longest request line accepted; Vert.x' own limit (with a bare 414) sits far above it. */
    public static final int MAX_URI = 8 * 1024;
    /** Retell's {@code call_analyzed} carries the transcript with word timings: the biggest body we take. */
    public static final long MAX_WEBHOOK_BODY = 5L * 1024 * 1024;
    /** A call record: its transcript and tool calls. */
    public static final long MAX_CONVERSATION_BODY = 2L * 1024 * 1024;
    /** Everything else (function calls, leads, console forms). */
    public static final long MAX_BODY = 256L * 1024;

    private final ObjectMapper json;

    public RequestLimits(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Filters filters) {
        // Before authentication: an oversized request is refused without touching the database.
        filters.register(this::check, 1000);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > MAX_URI) {
            refuse(context, 414, "The request line is longer than " + MAX_URI + " characters");
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                refuse(context, 400, "Content-Length is not a number");
                return;
            }
            long limit = limitFor(context.request().path());
            if (declared > limit) {
                refuse(context, 413, "The request body is larger than " + limit / 1024 + " KiB");
                return;
            }
        }
        context.next();
    }

    static long limitFor(String path) {
        if (path.startsWith("/api/retell/webhook")) {
            return MAX_WEBHOOK_BODY;
        }
        if (path.startsWith("/api/conversations/")) {
            return MAX_CONVERSATION_BODY;
        }
        return MAX_BODY;
    }

    private void refuse(RoutingContext context, int status, String message) {
        BookingMetrics.error(ErrorCode.VALIDATION_FAILED.name());
        String body;
        try {
            body = json.writeValueAsString(ApiResponse.failure(new ApiError(ErrorCode.VALIDATION_FAILED, message,
                    NextAction.ASK_USER, List.of(), List.of())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The body was not read: close the connection rather than leave it for the next request to trip on.
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
