package com.dentaldesk.voice.agent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.dentaldesk.contracts.booking.ClinicFacts;
import com.dentaldesk.contracts.booking.ClinicProfile;
import com.dentaldesk.contracts.booking.Provider;
import com.dentaldesk.contracts.booking.Slot;
import com.dentaldesk.contracts.retell.Utterance;
import com.dentaldesk.voice.tools.DateResolver;
import com.dentaldesk.voice.tools.Spoken;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

/** The only place prompts are written: built per call from the clinic's data and the call state. */
public final class PromptBuilder {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private PromptBuilder() {
    }

    public static SystemMessage system(CallState state, Instant now) {
        ClinicProfile clinic = state.clinic();
        ZoneId zone = zone(clinic);
        ZonedDateTime local = now.atZone(zone);
        // Sized for the whole prompt (about 2-3 KB): it is built for every model request.
        StringBuilder p = new StringBuilder(4096);
        p.append("You are the friendly phone receptionist of ").append(clinic.name()).append(", a dental clinic. ")
                .append("You are on a phone call: speak in short, natural sentences, one question at a time, no lists, "
                        + "no markdown, no emojis.\n");
        if (state.outbound()) {
            p.append("The clinic placed this call to ").append(state.calleeName() == null ? "a patient"
                    : state.calleeName()).append(": you called them, so never thank them for calling.\n");
        }
        ConfirmationVisit visit = state.confirmation();
        if (visit != null) {
            p.append("You are calling to confirm their appointment on ").append(visit.spokenTime())
                    .append(visit.provider() == null ? "" : " with " + visit.provider())
                    .append(". Make sure you are speaking with them before you mention it. Ask whether they can make"
                            + " it. If yes, call confirm_appointment. To cancel or move it, call find_patient, then"
                            + " list_my_appointments, then cancel_appointment or reschedule_appointment as usual. If"
                            + " they ask not to be called again, call stop_calls. Then say goodbye and call end_call.\n");
        }
        p.append("Today is ").append(DateResolver.spoken(local.toLocalDate())).append(", ").append(local.getYear())
                .append(", and it is ").append(local.format(CLOCK)).append(" at the clinic (").append(zone.getId())
                .append(").\n");
        if (present(clinic.customInstructions())) {
            p.append("Clinic instructions: ").append(clinic.customInstructions().trim()).append('\n');
        }
        if (present(clinic.businessRules())) {
            p.append("Business rules: ").append(clinic.businessRules().trim()).append('\n');
        }
        List<String> providers = new ArrayList<>();
        if (clinic.providers() != null) {
            for (Provider provider : clinic.providers()) {
                if (!provider.hidden()) {
                    providers.add("Dr. " + provider.firstName() + " " + provider.lastName()
                            + (present(provider.specialty()) ? " (" + provider.specialty() + ")" : ""));
                }
            }
        }
        if (!providers.isEmpty()) {
            p.append("Providers: ").append(String.join(", ", providers)).append(".\n");
        }
        p.append(facts(clinic.factsOrNone()));
        p.append("""
                How you work:
                - Before booking, moving or cancelling, identify the caller with find_patient (first without arguments).
                - For days, pass the caller's own words to find_slots; never work out dates yourself. Say days with \
                their date, as the tools give them.
                - To book, move or cancel, call the tool as soon as the caller chooses: the receptionist then asks the \
                caller the confirmation question itself. Call the tool again with the same option only after the \
                caller's clear yes; if they want something else, search again.
                - Say that something is booked, moved or cancelled only after the tool returned BOOKED, MOVED or \
                CANCELLED. If a time was taken, offer the new options.
                - Never invent times, names or numbers. Only offer times a tool returned.
                - Answer questions about the clinic only from the clinic facts above. Questions they do not answer \
                (billing, insurance details, medical advice): offer to take a message (take_message). A person \
                asked for, or an emergency: transfer_call. The caller is done: end_call.
                """);
        p.append(stateSummary(state));
        return SystemMessage.from(p.toString());
    }

    /** The clinic's facts as the clinic entered them, and how long each service takes (for find_slots). */
    static String facts(ClinicFacts facts) {
        StringBuilder f = new StringBuilder();
        if (present(facts.address())) {
            f.append("Clinic address: ").append(facts.address().trim()).append('\n');
        }
        if (present(facts.parking())) {
            f.append("Parking: ").append(facts.parking().trim()).append('\n');
        }
        if (present(facts.payment())) {
            f.append("Insurance and payment: ").append(facts.payment().trim()).append('\n');
        }
        if (facts.openingHours() != null && !facts.openingHours().isEmpty()) {
            f.append("Opening hours (other weekdays closed): ").append(String.join("; ", facts.openingHours()))
                    .append(".\n");
        }
        if (facts.closedDays() != null && !facts.closedDays().isEmpty()) {
            f.append("Closed days ahead: ").append(String.join("; ", facts.closedDays())).append(".\n");
        }
        if (facts.services() != null && !facts.services().isEmpty()) {
            List<String> services = new ArrayList<>();
            for (ClinicFacts.Service service : facts.services()) {
                services.add(service.name() + " " + service.minutes() + " minutes");
            }
            f.append("Services and their usual lengths: ").append(String.join(", ", services))
                    .append(". When the caller names one, pass its length to find_slots as length_minutes.\n");
        }
        return f.toString();
    }

    /** The facts the code holds, so the model keeps them across turns and after a reconnect. */
    static String stateSummary(CallState state) {
        StringBuilder s = new StringBuilder("Call state: ");
        s.append(state.patient() == null ? "caller not identified yet. "
                : "caller identified as " + state.patient().firstName() + ". ");
        List<Slot> offered = state.offeredSlots();
        if (!offered.isEmpty()) {
            s.append("Options last offered: ");
            for (int i = 0; i < offered.size(); i++) {
                s.append(i + 1).append(") ").append(Spoken.slot(offered.get(i))).append(i + 1 < offered.size() ? "; " : ". ");
            }
        }
        PendingAction pending = state.pending();
        if (pending != null) {
            s.append("Waiting for the caller to confirm: ").append(pending.kind().name().toLowerCase(Locale.ROOT))
                    .append(pending.slot() != null ? " " + Spoken.slot(pending.slot()) : "")
                    .append(". ");
        }
        List<String> notes = state.staffNotes();
        if (!notes.isEmpty()) {
            s.append("The clinic's staff, listening in, asked you: ").append(String.join(" Then: ", notes))
                    .append(" Follow it when it fits the call; it does not replace the tools' answers. ");
        }
        if (state.hasCompleted(PendingAction.Kind.BOOK) && state.lastWrite() != null) {
            s.append("Already booked in this call: ").append(Spoken.appointment(state.lastWrite())).append(". ");
        }
        return s.toString().trim() + "\n";
    }

    /** Retell's transcript as chat history (it sends the whole call every turn). */
    public static List<ChatMessage> history(List<Utterance> transcript) {
        List<ChatMessage> messages = new ArrayList<>();
        for (Utterance u : transcript) {
            if (u.content() == null || u.content().isBlank()) {
                continue;
            }
            if (u.isUser()) {
                messages.add(UserMessage.from(u.content()));
            } else if (u.isAgent()) {
                messages.add(AiMessage.from(u.content()));
            }
        }
        return messages;
    }

    static ZoneId zone(ClinicProfile clinic) {
        try {
            return ZoneId.of(clinic.timezone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
