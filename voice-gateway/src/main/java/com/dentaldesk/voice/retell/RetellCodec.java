package com.dentaldesk.voice.retell;

import java.util.Optional;

import org.jboss.logging.Logger;

import com.dentaldesk.contracts.retell.RetellRequest;
import com.dentaldesk.contracts.retell.RetellResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place where Retell's JSON is turned into records and back; the agent never sees JSON frames.
 * Frames that cannot be decoded are logged by kind only (they may hold transcript text) and dropped.
 */
@ApplicationScoped
public class RetellCodec {

    private static final Logger LOG = Logger.getLogger(RetellCodec.class);

    /**
     * Frames are written on event loops and on the calls' virtual threads. Jackson's default buffer recycler is per
     * thread, so every virtual thread (one per turn) grew buffers of its own; a shared pool lends the same few.
     */
    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public Optional<RetellRequest> decode(String text, String callId) {
        try {
            return Optional.of(json.readValue(text, RetellRequest.class));
        } catch (InvalidTypeIdException e) {
            LOG.warnf("call %s: ignoring frame with unknown interaction_type %s", callId, safeType(text));
        } catch (ValueInstantiationException e) {
            // The contract records refuse frames that would be misread (a turn without response_id would be
            // answered as the greeting). Their reason names a field, never a value; Jackson's own message would
            // quote the frame, transcript included.
            String reason = e.getCause() instanceof IllegalArgumentException ? e.getCause().getMessage()
                    : e.getClass().getSimpleName();
            LOG.warnf("call %s: refusing %s frame: %s", callId, safeType(text), reason);
        } catch (JsonMappingException e) {
            LOG.warnf("call %s: refusing %s frame with a field of the wrong type (%s)", callId, safeType(text),
                    e.getClass().getSimpleName());
        } catch (JsonProcessingException e) {
            LOG.warnf("call %s: ignoring malformed frame (%d chars, %s)", callId, text.length(),
                    e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.warnf("call %s: ignoring undecodable frame (%s)", callId, e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    public String encode(RetellResponse frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + frame.getClass().getSimpleName(), e);
        }
    }

    private String safeType(String text) {
        try {
            JsonNode type = json.readTree(text).path("interaction_type");
            String value = type.isTextual() ? type.asText() : "<missing>";
            // An attacker-chosen string in a log line: keep it short and plain.
            return value.replaceAll("[^A-Za-z0-9_]", "?").substring(0, Math.min(40, value.length()));
        } catch (JsonProcessingException e) {
            return "<unreadable>";
        }
    }
}
