package com.dentaldesk.voice.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every setting of the gateway. Environment variables are mapped in {@code application.properties}; the
 * README lists them. Bad values stop the start-up ({@link ConfigValidator}), never a call.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The Retell socket. */
    Socket socket();

    /** The booking-api this gateway calls with its service credential. */
    BookingApi bookingApi();

    /** The OpenAI(-compatible) chat model. */
    OpenAi openai();

    /** Turn timing and tool limits. */
    Agent agent();

    /** How the conversation record is shipped to booking-api. */
    ConversationLog conversationLog();

    /** Where promises to booking-api (leads, records of ended calls) wait on disk while it is away. */
    Outbox outbox();

    interface Socket {
        /** Shared secret Retell puts in the URL (RETELL_WEBSOCKET_SECRET); at least 16 characters. */
        String secret();

        /** Where the secret is accepted: {@code path} (/llm-websocket/{secret}/{call_id}), {@code query} (?secret=), {@code any}. */
        @WithDefault("path")
        SecretLocation secretLocation();

        /** Source addresses allowed to open sockets (IPs or IPv4 CIDRs); empty = any. */
        Optional<List<String>> allowedSources();

        /** Header holding the client address behind a proxy (e.g. Fly-Client-IP); unset = the TCP peer. */
        Optional<String> clientIpHeader();

        /** How long to wait for {@code call_details} before greeting without a known clinic. */
        @WithDefault("PT3S")
        Duration callDetailsTimeout();

        /**
         * A call that began longer ago than this when its socket opened may be a reconnect to a call another
         * instance served: only then is booking-api asked for its record before greeting (Retell retries a failed
         * open after 7 s, so a new call is younger).
         */
        @WithDefault("PT5S")
        Duration reconnectAge();

        /**
         * On SIGTERM/SIGINT (a deploy), how long live calls may go on to their natural end; new sockets are refused
         * meanwhile. Calls still live then are handed back to Retell, which reconnects them to another instance. Keep
         * it, plus the call log's shutdown drain, under the platform's kill timeout (Fly: {@code kill_timeout}).
         */
        @WithDefault("PT4M")
        Duration stopWait();
    }

    enum SecretLocation {
        path, query, any
    }

    interface BookingApi {
        /** Base URL (BOOKING_API_URL, alias NEXTJS_BASE_URL). */
        String url();

        /** Service token sent as Bearer (BOOKING_API_SERVICE_TOKEN). */
        String serviceToken();

        /**
         * How often the clinics that had a call in the last hour are read again in the background: a setting saved
         * in the console is live on calls that start this long after. Zero turns the cache off.
         */
        @WithDefault("PT5S")
        Duration clinicCacheTtl();

        /** Longest wait for the reconnect check on open (GET conversation) before greeting as a new call. */
        @WithDefault("PT0.8S")
        Duration reconnectCheckTimeout();
    }

    interface OpenAi {
        /** API key (OPENAI_API_KEY); absent = message-taking mode for every call. */
        Optional<String> apiKey();

        /** Base URL of an OpenAI-compatible server (OPENAI_BASE_URL). */
        @WithDefault("https://api.openai.com/v1")
        String baseUrl();

        /** Chat model (OPENAI_MODEL). */
        @WithDefault("gpt-4o-mini")
        String model();

        @WithDefault("0.3")
        double temperature();

        /** No token from the model within this time = degraded mode for the call. */
        @WithDefault("PT5S")
        Duration firstTokenTimeout();

        /** Longest time one model answer may stream. */
        @WithDefault("PT20S")
        Duration responseTimeout();
    }

    interface Agent {
        /** Each tool call is abandoned after this (default 4 s). */
        @WithDefault("PT4S")
        Duration toolTimeout();

        /** A tool still running after this gets a spoken filler line. */
        @WithDefault("PT0.7S")
        Duration fillerAfter();

        /** Nothing said this long into a turn: a short holding line, so the caller never hears ~2 s silence. */
        @WithDefault("PT1.5S")
        Duration silenceFillerAfter();

        /** Tool steps allowed in one turn. */
        @WithDefault("5")
        int maxToolSteps();

        /** How often one call may run the same tool with the same arguments. */
        @WithDefault("3")
        int maxIdenticalToolCalls();

        /** Slots offered per search. */
        @WithDefault("3")
        int maxSlotsOffered();
    }

    interface ConversationLog {
        /** Attempts per upload before it is dropped (logged without content). */
        @WithDefault("5")
        int maxAttempts();

        /** First retry delay; doubles per attempt. */
        @WithDefault("PT1S")
        Duration retryDelay();

        /**
         * Transcript-only changes are uploaded at most this often per call; a change of facts (a tool call, the
         * outcome, a booked appointment, a lead, the end of the call) goes at once.
         */
        @WithDefault("PT30S")
        Duration transcriptInterval();

        /** Uploads in flight to booking-api at once; the rest wait in one queue, one entry per call. */
        @WithDefault("8")
        int uploadLanes();

        /** Beyond this many calls waiting for an upload, transcript-only changes are not queued (facts still are). */
        @WithDefault("1000")
        int maxQueued();

        /** How long a clean shutdown waits for the last uploads. */
        @WithDefault("PT10S")
        Duration shutdownDrain();
    }

    interface Outbox {
        /** {@code GATEWAY_OUTBOX_DIR}: a directory that survives a restart (a Fly volume in production). */
        String dir();

        /** Letters kept at most; beyond that a new one is refused with an error in the log. */
        @WithDefault("20000")
        int maxLetters();

        /** First pause after booking-api could not be reached; doubles per failed round. */
        @WithDefault("PT2S")
        Duration firstRetry();

        /** Longest pause between delivery rounds. */
        @WithDefault("PT5M")
        Duration maxRetry();
    }
}
