package com.dentaldesk.booking.console.calls;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.calls.ConversationService;
import com.dentaldesk.booking.calls.ConversationSummary;
import com.dentaldesk.booking.calls.LeadEntity;
import com.dentaldesk.booking.calls.LeadService;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.Display;
import com.dentaldesk.booking.console.MaskedPhone;
import com.dentaldesk.booking.console.schedule.AppointmentViews;
import com.dentaldesk.booking.console.schedule.AppointmentViews.AppointmentSummary;
import com.dentaldesk.booking.retell.CallSessionEntity;
import com.dentaldesk.booking.retell.CallSessionRepository;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.ToolCallRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The calls pages' data, read from the call log of the signed-in clinic in one transaction (so row-level security
 * sees the clinic). Caller numbers are masked here; the call page alone carries the full number, for a reveal.
 */
@ApplicationScoped
@Transactional
public class CallViews {

    /** The list page: its filters (as given), the calls, and a message when a filter was not understood. */
    public record CallList(String day, String outcome, String range, List<OutcomeLabel> outcomes, List<CallRow> calls,
            String error) {
    }

    /** {@code name} and {@code reason} are empty when the call left neither a lead nor an appointment. */
    public record CallRow(String href, String time, String caller, String name, String reason, String duration,
            OutcomeLabel outcome) {
    }

    /** A call with no end this old is taken as ended (its gateway stopped before writing the end). */
    static final Duration LIVE_AT_MOST = Duration.ofHours(2);

    public record CallDetail(String callId, String started, String duration, OutcomeLabel outcome, MaskedPhone caller,
            List<Line> transcript, List<ToolLine> tools, AppointmentSummary appointment, LeadLink lead,
            String recordingUrl, String summary, boolean live) {
    }

    /** One utterance; {@code agent} tells the receptionist's lines from the caller's. */
    public record Line(boolean agent, String speaker, String text) {
    }

    /**
     * A tool call: a sentence a person reads, the raw detail folded under it. {@code failed}: refused or not carried
     * out (a confirmation question put to the caller is neither).
     */
    public record ToolLine(String sentence, String name, String time, boolean failed, String arguments,
            String result) {
    }

    /** The callback a call left: who, about what, and the number to call back (masked until revealed). */
    public record LeadLink(String name, String reason, MaskedPhone callback, String status, String href) {
    }

    private final ConversationService conversations;
    private final LeadService leads;
    private final CallSessionRepository sessions;
    private final AppointmentViews appointments;
    private final TenantContext tenant;
    private final ObjectMapper json;

    public CallViews(ConversationService conversations, LeadService leads, CallSessionRepository sessions,
            AppointmentViews appointments, TenantContext tenant, ObjectMapper json) {
        this.conversations = conversations;
        this.leads = leads;
        this.sessions = sessions;
        this.appointments = appointments;
        this.tenant = tenant;
        this.json = json;
    }

    /** Calls of one clinic-local day, or of the last 7 days without one; optionally of one outcome. */
    public CallList list(String day, String outcome) {
        ZoneId zone = tenant.zone();
        String error = null;
        Optional<LocalDate> date = Optional.empty();
        if (day != null && !day.isBlank()) {
            try {
                date = Optional.of(LocalDate.parse(day.trim()));
            } catch (DateTimeParseException e) {
                error = "The day must be a date like 2026-12-08; showing the last 7 days instead.";
            }
        }
        Optional<CallOutcome> wanted = OutcomeLabel.parse(outcome);
        if (outcome != null && !outcome.isBlank() && wanted.isEmpty()) {
            error = "That outcome is not one of the list; showing every outcome.";
        }
        String bound = date.map(LocalDate::toString).orElse(null);
        List<CallRow> rows = conversations.list(bound, bound).stream()
                .filter(call -> wanted.isEmpty() || wanted.get() == call.outcome())
                .map(call -> row(call, zone)).toList();
        return new CallList(date.map(LocalDate::toString).orElse(""), wanted.map(Enum::name).orElse(""),
                date.map(Display::day).orElse("Last 7 days"), OutcomeLabel.all(), rows, error);
    }

    /** One call of this clinic; another clinic's call id is simply not found. */
    public CallDetail detail(String callId) {
        ZoneId zone = tenant.zone();
        ConversationLog log = conversations.get(callId);
        Optional<CallSessionEntity> retell = sessions.findByCallId(callId);
        List<Line> transcript = log.transcript().stream()
                .map(entry -> "agent".equals(entry.role()) ? new Line(true, "Receptionist", entry.content())
                        : new Line(false, "Caller", entry.content()))
                .toList();
        List<ToolLine> tools = log.toolCalls().stream().map(tool -> tool(tool, zone)).toList();
        return new CallDetail(log.callId(), Display.dateTime(log.startedAt(), zone),
                Display.duration(log.startedAt(), log.endedAt()), OutcomeLabel.of(log.outcome()),
                MaskedPhone.of(log.fromNumber()), transcript, tools,
                log.appointmentId() == null ? null : appointments.summary(log.appointmentId()).orElse(null),
                log.leadId() == null ? null : leads.findByIdOptional(log.leadId()).map(CallViews::lead).orElse(null),
                retell.map(session -> session.recordingUrl).filter(CallViews::isWebLink).orElse(null),
                retell.map(session -> session.summary).orElse(null), log.endedAt() == null
                        && log.startedAt() != null && log.startedAt().isAfter(Instant.now().minus(LIVE_AT_MOST)));
    }

    /** The call page of a call id (encoded, so any id Retell uses makes a valid link). */
    public static String href(String callId) {
        return Console.CALLS + "/" + URLEncoder.encode(callId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static CallRow row(ConversationSummary call, ZoneId zone) {
        return new CallRow(href(call.callId()), Display.dateTime(call.startedAt(), zone),
                MaskedPhone.of(call.fromNumber()).masked(), call.callerName() == null ? "" : call.callerName(),
                call.reason() == null ? "" : call.reason(), Display.duration(call.startedAt(), call.endedAt()),
                OutcomeLabel.of(call.outcome()));
    }

    private ToolLine tool(ToolCallRecord tool, ZoneId zone) {
        return new ToolLine(ToolSentence.of(tool.name(), tool.result(), json), tool.name(),
                tool.at() == null ? "" : Display.time(tool.at(), zone),
                !tool.successful() && !ToolSentence.asksTheCaller(tool.result(), json), pretty(tool.arguments()),
                pretty(tool.result()));
    }

    private static LeadLink lead(LeadEntity lead) {
        return new LeadLink(lead.name == null ? "(no name)" : lead.name, lead.reason, MaskedPhone.of(lead.phone),
                lead.status,
                Console.LEADS + (LeadEntity.DONE.equals(lead.status) ? "?status=done" : ""));
    }

    /** Only http(s) links become links: the recording URL is Retell's data, not ours. */
    private static boolean isWebLink(String url) {
        return url.startsWith("https://") || url.startsWith("http://");
    }

    /** Tool arguments and results are JSON; indented they read at a glance. Anything else is shown as it is. */
    private String pretty(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            return json.readTree(value).toPrettyString();
        } catch (JsonProcessingException notJson) {
            return value;
        }
    }
}
