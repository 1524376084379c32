package com.dentaldesk.booking.calls;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.appointments.AppointmentEntity;
import com.dentaldesk.booking.appointments.AppointmentRepository;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.patients.PatientEntity;
import com.dentaldesk.booking.patients.PatientRepository;
import com.dentaldesk.booking.retell.CallLocks;
import com.dentaldesk.booking.tenancy.ClinicTransaction;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.ToolCallRecord;
import com.dentaldesk.contracts.calls.TranscriptEntry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The call log. The gateway writes it during and after a call (each write replaces the fields it carries);
 * Retell's webhooks fill in what the gateway never wrote. Links to the appointment booked on the call and to its
 * lead are derived when read, so they are right whichever write came first.
 */
@ApplicationScoped
// Reads run in a transaction too: row-level security sees rows only once app.clinic_id is set, per transaction.
@Transactional
public class ConversationService {

    private static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    private static final Duration MAX_RANGE = Duration.ofDays(93);
    private static final int MAX_LIST = 500;
    private static final TypeReference<List<TranscriptEntry>> TRANSCRIPT = new TypeReference<>() {
    };
    private static final TypeReference<List<ToolCallRecord>> TOOL_CALLS = new TypeReference<>() {
    };

    private final ConversationRepository conversations;
    private final AppointmentRepository appointments;
    private final PatientRepository patients;
    private final LeadService leads;
    private final CallLocks locks;
    private final TenantContext tenant;
    private final ClinicTransaction transaction;
    private final ObjectMapper json;

    public ConversationService(ConversationRepository conversations, AppointmentRepository appointments,
            PatientRepository patients, LeadService leads, CallLocks locks, TenantContext tenant,
            ClinicTransaction transaction, ObjectMapper json) {
        this.conversations = conversations;
        this.appointments = appointments;
        this.patients = patients;
        this.leads = leads;
        this.locks = locks;
        this.tenant = tenant;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * The gateway's upsert: every field the body carries replaces the stored one; absent fields are kept. It comes
     * several times per call (a gateway holds up to a thousand), so it runs in a {@link ClinicTransaction}, not JTA:
     * one round trip (the clinic, the call's lock, the links' checks, the upsert) and the commit.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ConversationResource.ConversationReceipt put(String callId, ConversationLog log) {
        tenant.organizationId();
        if (log == null) {
            throw BookingException.missing(List.of("callId"));
        }
        if (log.callId() != null && !log.callId().equals(callId)) {
            throw BookingException.invalid("callId", "callId in the body differs from the one in the path");
        }
        Instant savedAt = Instant.now();
        String transcript = log.transcript().isEmpty() ? null : write(log.transcript());
        String toolCalls = log.toolCalls().isEmpty() ? null : write(log.toolCalls());
        transaction.write((connection, clinic) -> {
            ConversationRepository.upsert(connection, clinic, callId, log, transcript, toolCalls, savedAt);
            return null;
        });
        return new ConversationResource.ConversationReceipt(callId, savedAt);
    }

    /** What Retell reported about a call: fills fields the gateway left empty, and takes a longer transcript. */
    public void fillFromRetell(String callId, String agentId, String fromNumber, String toNumber, Instant startedAt,
            Instant endedAt, List<TranscriptEntry> transcript) {
        locks.lock(callId);
        ConversationEntity conversation = findOrCreate(callId);
        conversation.agentId = keep(conversation.agentId, agentId);
        conversation.fromNumber = keep(conversation.fromNumber, fromNumber);
        conversation.toNumber = keep(conversation.toNumber, toNumber);
        conversation.startedAt = keep(conversation.startedAt, startedAt);
        conversation.endedAt = keep(conversation.endedAt, endedAt);
        // Retell's transcript is what was said; a longer one has the lines the gateway never got back, typically
        // the receptionist's last sentence before the caller hung up.
        if (transcript.size() > read(conversation.transcript, TRANSCRIPT).size()) {
            conversation.transcript = write(transcript);
        }
        conversation.updatedAt = Instant.now();
    }

    public ConversationLog get(String callId) {
        tenant.organizationId();
        return conversations.findByCallId(callId).map(this::toLog)
                .orElseThrow(() -> BookingException.notFound("Conversation " + callId));
    }

    /** The outcome the gateway recorded, if any (used to decide whether an unbooked call becomes a lead). */
    public CallOutcome recordedOutcome(String callId) {
        return conversations.findByCallId(callId).map(c -> c.outcome).orElse(null);
    }

    /**
     * Calls of the clinic between {@code from} and {@code to}, newest first. Each bound is a date in the clinic's
     * zone ({@code to} inclusive) or an ISO instant; the default is the last 7 days, the maximum 93 days.
     */
    public List<ConversationSummary> list(String from, String to) {
        tenant.organizationId();
        Instant end = to == null || to.isBlank() ? Instant.now() : bound("to", to, true);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_RANGE) : bound("from", from, false);
        if (!start.isBefore(end)) {
            throw BookingException.invalid("from", "from must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw BookingException.invalid("to", "The range is at most 93 days");
        }
        List<ConversationEntity> page = conversations.find("coalesce(startedAt, createdAt) >= ?1"
                + " and coalesce(startedAt, createdAt) < ?2 order by coalesce(startedAt, createdAt) desc, id desc",
                start, end).page(0, MAX_LIST).list();
        List<String> callIds = page.stream().map(c -> c.callId).toList();
        Map<String, AppointmentEntity> bookedOn = new HashMap<>();
        Map<Long, AppointmentEntity> appointmentById = new HashMap<>();
        if (!callIds.isEmpty()) {
            List<Long> linked = page.stream().map(c -> c.appointmentId).filter(Objects::nonNull).toList();
            List<Long> linkedOrNone = linked.isEmpty() ? List.of(-1L) : linked;
            for (AppointmentEntity appointment : appointments.list("sessionId in ?1 or id in ?2 order by id desc",
                    callIds, linkedOrNone)) {
                appointmentById.put(appointment.id, appointment);
                if (appointment.sessionId != null) {
                    bookedOn.put(appointment.sessionId, appointment);
                }
            }
        }
        Map<String, LeadEntity> leadOf = new HashMap<>();
        leads.forCalls(callIds).forEach(lead -> leadOf.put(lead.callId, lead));
        Map<Long, PatientEntity> patientById = new HashMap<>();
        List<Long> patientIds = appointmentById.values().stream().map(a -> a.patientId).distinct().toList();
        if (!patientIds.isEmpty()) {
            patients.list("id in ?1", patientIds).forEach(p -> patientById.put(p.id, p));
        }
        return page.stream().map(c -> {
            AppointmentEntity appointment = c.appointmentId != null ? appointmentById.get(c.appointmentId)
                    : bookedOn.get(c.callId);
            Long appointmentId = c.appointmentId != null ? c.appointmentId
                    : appointment == null ? null : appointment.id;
            LeadEntity lead = leadOf.get(c.callId);
            Long leadId = c.leadId != null ? c.leadId : lead == null ? null : lead.id;
            PatientEntity patient = appointment == null ? null : patientById.get(appointment.patientId);
            String callerName = lead != null && lead.name != null ? lead.name
                    : patient == null ? null : (patient.firstName + " " + patient.lastName).strip();
            String reason = lead != null && lead.reason != null ? lead.reason
                    : appointment == null ? null : appointment.type != null ? appointment.type : appointment.note;
            return new ConversationSummary(c.callId, c.agentId, c.fromNumber, c.toNumber, c.startedAt, c.endedAt,
                    outcome(c, appointmentId, leadId), appointmentId, leadId, callerName, reason);
        }).toList();
    }

    private ConversationLog toLog(ConversationEntity c) {
        Long appointmentId = c.appointmentId != null ? c.appointmentId
                : appointments.find("sessionId = ?1 order by id", c.callId).firstResultOptional()
                        .map(a -> a.id).orElse(null);
        Long leadId = c.leadId != null ? c.leadId : leads.forCall(c.callId).map(l -> l.id).orElse(null);
        return new ConversationLog(c.callId, c.agentId, c.fromNumber, c.toNumber, c.startedAt, c.endedAt,
                read(c.transcript, TRANSCRIPT), read(c.toolCalls, TOOL_CALLS), outcome(c, appointmentId, leadId),
                appointmentId, leadId);
    }

    /** The recorded outcome, or one derived from what the call produced once it is over. */
    private static CallOutcome outcome(ConversationEntity c, Long appointmentId, Long leadId) {
        if (c.outcome != null) {
            return c.outcome;
        }
        if (appointmentId != null) {
            return CallOutcome.booked;
        }
        if (leadId != null) {
            return CallOutcome.message;
        }
        return c.endedAt != null ? CallOutcome.abandoned : null;
    }

    private ConversationEntity findOrCreate(String callId) {
        locks.lock(callId);
        return conversations.findByCallId(callId).orElseGet(() -> {
            ConversationEntity created = new ConversationEntity();
            created.callId = callId;
            created.updatedAt = Instant.now();
            conversations.persist(created);
            return created;
        });
    }

    private Instant bound(String field, String value, boolean endOfDay) {
        String trimmed = value.trim();
        try {
            LocalDate date = LocalDate.parse(trimmed);
            return (endOfDay ? date.plusDays(1) : date).atStartOfDay(tenant.zone()).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return Instant.parse(trimmed);
            } catch (DateTimeParseException e) {
                throw BookingException.invalid(field, field + " must be a date (YYYY-MM-DD) or an ISO instant");
            }
        }
    }

    private static <T> T keep(T current, T incoming) {
        return current != null ? current : incoming;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise the call log", e);
        }
    }

    private <T> List<T> read(String value, TypeReference<List<T>> type) {
        try {
            return value == null ? List.of() : json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored call log is not valid JSON", e);
        }
    }
}
