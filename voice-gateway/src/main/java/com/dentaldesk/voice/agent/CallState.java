package com.dentaldesk.voice.agent;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.contracts.booking.ClinicProfile;
import com.dentaldesk.contracts.booking.Patient;
import com.dentaldesk.contracts.booking.Slot;
import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.ToolCallRecord;
import com.dentaldesk.contracts.calls.TranscriptEntry;
import com.dentaldesk.contracts.retell.Utterance;
import com.dentaldesk.voice.outbox.Letter;
import com.dentaldesk.voice.speech.CompletedWrite;
import com.dentaldesk.voice.speech.WriteKind;
import com.dentaldesk.voice.tools.Spoken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the gateway knows about one call, beside the chat history: the facts the code (not the model) relies
 * on to gate writes and to rebuild a call after a reconnect. All access is synchronized; turns of one call run
 * one after another, but the socket thread reads and writes too.
 */
public final class CallState {

    /** How the call is being served. */
    public enum Mode {
        /** Waiting for the clinic (call_details or booking-api). */
        OPENING,
        /** The LLM agent with tools. */
        AGENT,
        /** The deterministic message-taking flow (no model, or a dependency failed). */
        MESSAGE_TAKING,
        /** Nothing more to do (unknown clinic, goodbye said): every turn says goodbye again. */
        CLOSED
    }

    private final String callId;
    private final Instant startedAt;
    private ClinicProfile clinic;
    private String clinicSlugHint;
    private String agentId;
    private String fromNumber;
    private String toNumber;
    private Mode mode = Mode.OPENING;
    private Patient patient;
    private List<Patient> patientCandidates = List.of();
    private List<Slot> offeredSlots = List.of();
    private List<Appointment> listedAppointments = List.of();
    private PendingAction pending;
    private Appointment lastWrite;
    private final Set<PendingAction.Kind> completedWrites = EnumSet.noneOf(PendingAction.Kind.class);
    private final List<CompletedWrite> writes = new ArrayList<>();
    private CallOutcome outcome;
    private Long appointmentId;
    private Long leadId;
    private MessageDraft message = MessageDraft.start();
    private List<Utterance> transcript = List.of();
    // What the agent said in the latest response, and the transcript's length when it began: Retell reports a line
    // only in its next update, and after the call's last line there is none.
    private long spokenResponseId = -1;
    private int spokenAfter;
    private final StringBuilder spoken = new StringBuilder();
    private static final int MAX_STAFF_NOTES = 5;
    private final List<String> staffNotes = new ArrayList<>();
    private final List<ToolCallRecord> toolCalls = new ArrayList<>();
    private final Map<String, Integer> toolRepeats = new HashMap<>();
    private Instant endedAt;
    private boolean outbound;
    private String calleeName;
    private ConfirmationVisit confirmation;

    public CallState(String callId, Instant startedAt) {
        this.callId = callId;
        this.startedAt = startedAt;
    }

    public String callId() {
        return callId;
    }

    public synchronized ClinicProfile clinic() {
        return clinic;
    }

    public synchronized void clinic(ClinicProfile value) {
        clinic = value;
    }

    /** The slug to act for: the resolved clinic's, or the one the URL named. */
    public synchronized String clinicSlug() {
        return clinic != null ? clinic.slug() : clinicSlugHint;
    }

    public synchronized void clinicSlugHint(String value) {
        clinicSlugHint = value;
    }

    public synchronized String clinicSlugHint() {
        return clinicSlugHint;
    }

    public synchronized void callDetails(String agent, String from, String to) {
        callDetails(agent, from, to, false, null);
    }

    /**
     * What Retell said of the call. On an outbound call the clinic is the one calling: the patient's number is
     * {@code to}, and {@code calleeName} (from the call's metadata) is whom it called.
     */
    public synchronized void callDetails(String agent, String from, String to, boolean isOutbound, String callee) {
        agentId = agent;
        fromNumber = from;
        toNumber = to;
        outbound = isOutbound;
        calleeName = callee;
    }

    public synchronized boolean outbound() {
        return outbound;
    }

    /** The visit this call confirms, when the clinic placed it as a confirmation call; null otherwise. */
    public synchronized ConfirmationVisit confirmation() {
        return confirmation;
    }

    public synchronized void confirmation(ConfirmationVisit value) {
        confirmation = value;
    }

    /**
     * The patient confirmed the visit and booking-api recorded it in turn {@code responseId}: the appointment stands,
     * so saying it is confirmed is true from now on.
     */
    public synchronized void visitConfirmed(long responseId) {
        if (confirmation != null) {
            writes.add(new CompletedWrite(WriteKind.BOOKED, confirmation.start(), confirmation.provider(), responseId));
            appointmentId = confirmation.appointmentId();
        }
    }

    /** Whom an outbound call was placed to, when the call's metadata names them; null otherwise. */
    public synchronized String calleeName() {
        return calleeName;
    }

    /** The patient's side of the call: the caller's number, or on an outbound call the number called. */
    public synchronized String patientNumber() {
        return outbound ? toNumber : fromNumber;
    }

    /** The clinic's side: the number called, or on an outbound call the number it called from. */
    public synchronized String clinicNumber() {
        return outbound ? fromNumber : toNumber;
    }

    public synchronized String agentId() {
        return agentId;
    }

    public synchronized String fromNumber() {
        return fromNumber;
    }

    public synchronized String toNumber() {
        return toNumber;
    }

    /** A letter for the outbox about this call, addressed by its clinic, or by agent and called number. */
    public synchronized Letter letter(Letter.Kind kind, JsonNode body) {
        return new Letter(kind, clinicSlug(), agentId, clinicNumber(), callId, body);
    }

    public synchronized Mode mode() {
        return mode;
    }

    public synchronized void mode(Mode value) {
        mode = value;
    }

    public synchronized Patient patient() {
        return patient;
    }

    public synchronized void patient(Patient value) {
        patient = value;
        patientCandidates = List.of();
    }

    public synchronized List<Patient> patientCandidates() {
        return patientCandidates;
    }

    public synchronized void patientCandidates(List<Patient> value) {
        patientCandidates = List.copyOf(value);
    }

    public synchronized List<Slot> offeredSlots() {
        return offeredSlots;
    }

    /** New offers replace old ones, and a confirmation asked about an old offer no longer counts. */
    public synchronized void offeredSlots(List<Slot> value) {
        offeredSlots = List.copyOf(value);
        if (pending != null && pending.slot() != null && !offeredSlots.contains(pending.slot())) {
            pending = null;
        }
    }

    public synchronized List<Appointment> listedAppointments() {
        return listedAppointments;
    }

    public synchronized void listedAppointments(List<Appointment> value) {
        listedAppointments = List.copyOf(value);
    }

    public synchronized PendingAction pending() {
        return pending;
    }

    public synchronized void pending(PendingAction value) {
        pending = value;
    }

    /** A write succeeded in turn {@code responseId}: only now may the agent say "booked" (or moved, cancelled). */
    public synchronized void completed(PendingAction.Kind kind, Appointment appointment, CallOutcome result,
            long responseId) {
        completedWrites.add(kind);
        LocalDateTime start = appointment == null ? null : Spoken.parse(appointment.aptDateTime());
        if (start != null) {
            writes.add(new CompletedWrite(switch (kind) {
                case BOOK -> WriteKind.BOOKED;
                case RESCHEDULE -> WriteKind.MOVED;
                case CANCEL -> WriteKind.CANCELLED;
            }, start, appointment.providerName(), responseId));
        }
        lastWrite = appointment;
        pending = null;
        outcome = result;
        if (appointment != null) {
            appointmentId = appointment.aptNum();
        }
    }

    /** The writes booking-api confirmed in this call, oldest first: what a spoken claim is checked against. */
    public synchronized List<CompletedWrite> writes() {
        return List.copyOf(writes);
    }

    public synchronized boolean hasCompleted(PendingAction.Kind kind) {
        return completedWrites.contains(kind);
    }

    public synchronized Appointment lastWrite() {
        return lastWrite;
    }

    public synchronized CallOutcome outcome() {
        return outcome;
    }

    public synchronized void outcome(CallOutcome value) {
        outcome = value;
    }

    public synchronized void leadId(Long value) {
        leadId = value;
    }

    public synchronized Long leadId() {
        return leadId;
    }

    public synchronized MessageDraft message() {
        return message;
    }

    public synchronized void message(MessageDraft value) {
        message = value;
    }

    public synchronized List<Utterance> transcript() {
        return transcript;
    }

    public synchronized void transcript(List<Utterance> value) {
        if (value != null) {
            transcript = List.copyOf(value);
        }
    }

    /** A note the clinic's staff typed into the live call for the receptionist (the last few are kept). */
    public synchronized void staffNote(String note) {
        staffNotes.add(note);
        if (staffNotes.size() > MAX_STAFF_NOTES) {
            staffNotes.remove(0);
        }
    }

    public synchronized List<String> staffNotes() {
        return List.copyOf(staffNotes);
    }

    /** Notes words sent to be spoken in a response (the greeting is response 0). */
    public synchronized void spoke(long responseId, String content) {
        if (content == null || content.isEmpty()) {
            return;
        }
        if (responseId != spokenResponseId) {
            spokenResponseId = responseId;
            spokenAfter = transcript.size();
            spoken.setLength(0);
        }
        spoken.append(content);
    }

    /** The agent's line just before the caller's latest words (what the caller was answering), or null. */
    public synchronized String agentLineBeforeLastCallerTurn() {
        int i = transcript.size() - 1;
        while (i >= 0 && transcript.get(i).isUser()) {
            i--;
        }
        if (i == transcript.size() - 1) {
            return null;
        }
        while (i >= 0 && !transcript.get(i).isAgent()) {
            i--;
        }
        return i >= 0 ? transcript.get(i).content() : null;
    }

    /** The caller's most recent words, or empty. */
    public synchronized String lastUserText() {
        for (int i = transcript.size() - 1; i >= 0; i--) {
            Utterance u = transcript.get(i);
            if (u.isUser() && u.content() != null) {
                return u.content();
            }
        }
        return "";
    }

    public synchronized void recordTool(ToolCallRecord record) {
        toolCalls.add(record);
    }

    public synchronized List<ToolCallRecord> toolCalls() {
        return List.copyOf(toolCalls);
    }

    /** Counts one more run of this exact call; returns how many there have been, this one included. */
    public synchronized int countRepeat(String name, String arguments) {
        return toolRepeats.merge(name + "\u0000" + arguments, 1, Integer::sum);
    }

    public synchronized void ended(Instant at) {
        endedAt = at;
    }

    public synchronized Instant endedAt() {
        return endedAt;
    }

    public synchronized int toolCallCount() {
        return toolCalls.size();
    }

    public synchronized Long appointmentId() {
        return appointmentId;
    }

    public synchronized ConversationLog snapshot() {
        List<TranscriptEntry> entries = new ArrayList<>(transcript.stream()
                .filter(u -> u.isUser() || u.isAgent())
                .map(u -> new TranscriptEntry(u.role(), u.content()))
                .toList());
        // Retell has not reported anything since the latest response began: that response is the last line.
        if (!spoken.isEmpty() && transcript.size() == spokenAfter) {
            entries.add(new TranscriptEntry(Utterance.AGENT, spoken.toString().strip()));
        }
        return new ConversationLog(callId, agentId, fromNumber, toNumber, startedAt, endedAt, entries,
                new ArrayList<>(toolCalls), outcome, appointmentId, leadId);
    }

    public Instant startedAt() {
        return startedAt;
    }
}
