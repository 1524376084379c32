package com.dentaldesk.booking.retell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.patients.PhoneNumbers;
import com.dentaldesk.booking.retell.CallRequests.CallView;
import com.dentaldesk.booking.retell.CallRequests.OutboundCall;
import com.dentaldesk.booking.retell.CallRequests.WebCall;
import com.dentaldesk.booking.retell.CallRequests.WebCallStarted;
import com.dentaldesk.booking.tenancy.OrganizationChannel;
import com.dentaldesk.booking.tenancy.OrganizationRepository;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.contracts.booking.ErrorCode;
import com.dentaldesk.contracts.booking.NextAction;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Outbound and web calls through Retell, for the current clinic only: the agent and the calling number must be
 * the clinic's own channels. No transaction is held while Retell is called.
 */
@ApplicationScoped
public class RetellCallService {

    private final RetellClient retell;
    private final CallSessionRepository sessions;
    private final OrganizationRepository organizations;
    private final PhoneNumbers phoneNumbers;
    private final TenantContext tenant;
    private final ObjectMapper json;

    public RetellCallService(RetellClient retell, CallSessionRepository sessions,
            OrganizationRepository organizations, PhoneNumbers phoneNumbers, TenantContext tenant,
            ObjectMapper json) {
        this.retell = retell;
        this.sessions = sessions;
        this.organizations = organizations;
        this.phoneNumbers = phoneNumbers;
        this.tenant = tenant;
        this.json = json;
    }

    public CallView placeCall(OutboundCall request) {
        tenant.organizationId();
        if (request == null || blank(request.fromNumber()) || blank(request.toNumber())) {
            throw BookingException.missing(List.of("from_number", "to_number"));
        }
        String from = phoneNumbers.normalize(request.fromNumber())
                .orElseThrow(() -> BookingException.invalid("from_number", "from_number is not a valid phone number"));
        String to = phoneNumbers.normalize(request.toNumber())
                .orElseThrow(() -> BookingException.invalid("to_number", "to_number is not a valid phone number"));
        requireOwn(OrganizationChannel.PHONE_NUMBER, from, "Phone number (from_number)");
        String agentId = blank(request.agentId()) ? null : request.agentId().trim();
        if (agentId != null) {
            requireOwn(OrganizationChannel.RETELL_AGENT, agentId, "Agent");
        }
        Map<String, Object> body = new HashMap<>();
        body.put("from_number", from);
        body.put("to_number", to);
        if (agentId != null) {
            body.put("override_agent_id", agentId);
        }
        if (request.metadata() != null) {
            body.put("metadata", request.metadata());
        }
        RetellShapes.PhoneCallCreated call = retell.createPhoneCall(body);
        String callId = requireCallId(call == null ? null : call.callId());
        return QuarkusTransaction.requiringNew().call(() -> view(sessions.recordRequested(callId, session -> {
            session.agentId = keep(session.agentId, blankToNull(call.agentId()), agentId);
            session.callType = keep(session.callType, "phone_call", null);
            session.direction = keep(session.direction, "outbound", null);
            session.status = keep(session.status, blankToNull(call.callStatus()), "registered");
            session.fromNumber = keep(session.fromNumber, from, null);
            session.toNumber = keep(session.toNumber, to, null);
            session.metadata = keep(session.metadata, metadataJson(request.metadata()), null);
            return session;
        })));
    }

    public WebCallStarted createWebCall(WebCall request) {
        tenant.organizationId();
        if (request == null || blank(request.agentId())) {
            throw BookingException.missing(List.of("agent_id"));
        }
        String agentId = request.agentId().trim();
        requireOwn(OrganizationChannel.RETELL_AGENT, agentId, "Agent");
        Map<String, Object> body = new HashMap<>();
        body.put("agent_id", agentId);
        if (request.metadata() != null) {
            body.put("metadata", request.metadata());
        }
        RetellShapes.WebCallCreated call = retell.createWebCall(body);
        String callId = requireCallId(call == null ? null : call.callId());
        QuarkusTransaction.requiringNew().run(() -> sessions.recordRequested(callId, session -> {
            session.agentId = keep(session.agentId, agentId, null);
            session.callType = keep(session.callType, "web_call", null);
            // v3's answer carries no status: a web call is registered until the browser joins.
            session.status = keep(session.status, null, "registered");
            session.metadata = keep(session.metadata, metadataJson(request.metadata()), null);
            return session;
        }));
        return new WebCallStarted(callId, agentId, call.accessToken(), call.expiresAt(), call.iceServers(),
                call.transport());
    }

    /** Our record merged with Retell's; if Retell cannot be asked, ours alone with the reason. */
    public CallView getCall(String callId) {
        tenant.organizationId();
        if (blank(callId)) {
            throw BookingException.missing(List.of("call_id"));
        }
        CallView ours = QuarkusTransaction.requiringNew().call(() -> sessions.findByCallId(callId.trim())
                .map(this::view).orElseThrow(() -> BookingException.notFound("Call " + callId)));
        try {
            return ours.withRetell(retell.getCall(ours.callId()), null);
        } catch (RetellException e) {
            return ours.withRetell(null, e.getMessage());
        }
    }

    private void requireOwn(String kind, String value, String what) {
        long clinic = tenant.organizationId();
        boolean own = QuarkusTransaction.requiringNew().call(() -> organizations.findByChannel(kind, value))
                .map(owner -> owner.id == clinic).orElse(false);
        if (!own) {
            // Another clinic's agent or number is simply not found: nothing tells the caller it exists.
            throw BookingException.notFound(what);
        }
    }

    private static String requireCallId(String answered) {
        String callId = blankToNull(answered);
        if (callId == null) {
            throw new RetellException(ErrorCode.UPSTREAM_FAILED, NextAction.TAKE_MESSAGE,
                    "Retell's answer had no call_id");
        }
        return callId;
    }

    CallView view(CallSessionEntity s) {
        return new CallView(s.callId, s.agentId, s.callType, s.direction, s.status, s.fromNumber, s.toNumber,
                s.startedAt, s.endedAt, s.durationMs, s.disconnectionReason, s.recordingUrl,
                s.metadata == null ? null : MergedCall.read(json, s.metadata), s.summary, s.userSentiment,
                s.callSuccessful, s.lastEvent, null, null);
    }

    private String metadataJson(Map<String, Object> metadata) {
        return metadata == null ? null : json.valueToTree(metadata).toString();
    }

    private static String keep(String current, String incoming, String fallback) {
        if (current != null) {
            return current;
        }
        return incoming != null ? incoming : fallback;
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
