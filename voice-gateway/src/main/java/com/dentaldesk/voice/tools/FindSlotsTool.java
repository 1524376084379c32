package com.dentaldesk.voice.tools;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.dentaldesk.contracts.booking.BookingFunction;
import com.dentaldesk.contracts.booking.ClinicProfile;
import com.dentaldesk.contracts.booking.Provider;
import com.dentaldesk.contracts.booking.Slot;
import com.dentaldesk.voice.client.BookingOutcome;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Searches free slots. The model passes the caller's own words for the day; dates are resolved here, in the
 * clinic's timezone, and the options are remembered so a booking can only use a slot that was offered.
 */
@ApplicationScoped
public class FindSlotsTool implements CallerTool {

    static final String NAME = "find_slots";
    private static final int MAX_RANGE_DAYS = 14;
    private static final int WIDEN_DAYS = 7;

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name(NAME)
                .description("Find free appointment times. Pass the day exactly as the caller said it (e.g. "
                        + "'tomorrow', 'next Tuesday', 'the 3rd', 'June 12', 'next week'); do not convert it to a date "
                        + "yourself. Returns numbered options; read them to the caller with the day and date.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("day", "The day or period in the caller's words")
                        .addStringProperty("provider", "Dentist or hygienist name if the caller asked for one")
                        .addEnumProperty("part_of_day", List.of("any", "morning", "afternoon"), "Preferred part of day")
                        .addIntegerProperty("length_minutes", "Appointment length if known (default 30)")
                        .required("day")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(ToolContext context, JsonNode args) {
        String day = Args.text(args, "day");
        Optional<DateRange> resolved = DateResolver.resolve(day, context.zone(), context.now());
        if (resolved.isEmpty()) {
            return ToolResult.refused(Spoken.status("ASK_USER")
                    .put("instruction", "Could not tell which day that is. Ask the caller for a day or date.")
                    .toString());
        }
        LocalDate today = LocalDate.ofInstant(context.now(), context.zone());
        DateRange range = resolved.get();
        if (range.end().isBefore(today)) {
            return ToolResult.refused(Spoken.status("DATE_IN_PAST")
                    .put("resolved", DateResolver.spoken(range.start()))
                    .put("instruction", "That day has passed. Ask for a future day.").toString());
        }
        LocalDate start = range.start().isBefore(today) ? today : range.start();
        LocalDate end = range.end().isAfter(start.plusDays(MAX_RANGE_DAYS)) ? start.plusDays(MAX_RANGE_DAYS) : range.end();

        Long provNum = null;
        String providerName = Args.text(args, "provider");
        if (providerName != null) {
            Optional<Provider> provider = matchProvider(context.state().clinic(), providerName);
            if (provider.isEmpty()) {
                return ToolResult.refused(Spoken.status("UNKNOWN_PROVIDER")
                        .put("instruction", "No provider by that name here. Offer the providers from the clinic "
                                + "information or any provider.").toString());
            }
            provNum = provider.get().provNum();
        }
        Integer length = Args.integer(args, "length_minutes");
        String partOfDay = Args.text(args, "part_of_day");

        List<Slot> slots = pick(search(context, start, end, provNum, length, partOfDay), context.maxSlotsOffered());
        boolean widened = false;
        if (slots.isEmpty() && start.equals(end)) {
            slots = pick(search(context, end.plusDays(1), end.plusDays(WIDEN_DAYS), provNum, length, partOfDay),
                    context.maxSlotsOffered());
            widened = true;
        }
        context.state().offeredSlots(slots);
        String searched = start.equals(end) ? DateResolver.spoken(start)
                : DateResolver.spoken(start) + " to " + DateResolver.spoken(end);
        if (slots.isEmpty()) {
            return ToolResult.ok(Spoken.status("NO_SLOTS").put("searched", searched)
                    .put("instruction", "Nothing free then. Ask for another day, or offer to take a message.")
                    .toString());
        }
        var result = Spoken.status("OPTIONS").put("searched", searched);
        if (widened) {
            result.put("note", "Nothing free on " + searched + "; these are the nearest later options.");
        }
        result.set("options", Spoken.slotOptions(slots));
        result.put("instruction", "Offer these options with day, date, time and provider. When the caller picks "
                + "one, call book_appointment (or reschedule_appointment) with its option number.");
        return ToolResult.ok(result.toString());
    }

    private List<Slot> search(ToolContext context, LocalDate start, LocalDate end, Long provNum, Integer length,
            String partOfDay) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("dateStart", start.toString());
        params.put("dateEnd", end.toString());
        if (provNum != null) {
            params.put("ProvNum", provNum);
        }
        if (length != null && length > 0) {
            params.put("lengthMinutes", length);
        }
        // booking-api answers a page in time order: the part of the day is its filter, or a page of mornings
        // could hide every afternoon.
        if ("morning".equals(partOfDay)) {
            params.put("timeTo", "12:00");
        } else if ("afternoon".equals(partOfDay)) {
            params.put("timeFrom", "12:00");
        }
        // A known caller is never offered a time they are already booked at (booking it would be refused).
        if (context.state().patient() != null) {
            params.put("PatNum", context.state().patient().patNum());
        }
        BookingOutcome outcome = context.call(BookingFunction.GetAvailableSlots, params);
        if (!outcome.success() || outcome.data() == null || !outcome.data().isArray()) {
            return List.of();
        }
        return Spoken.JSON.convertValue(outcome.data(), new TypeReference<List<Slot>>() {
        });
    }

    /** A few distinct start times, earliest first. */
    static List<Slot> pick(List<Slot> slots, int max) {
        Set<String> starts = new LinkedHashSet<>();
        List<Slot> picked = new ArrayList<>();
        for (Slot slot : slots) {
            if (Spoken.parse(slot.dateTimeStart()) == null) {
                continue;
            }
            if (starts.add(slot.dateTimeStart())) {
                picked.add(slot);
            }
            if (picked.size() == max) {
                break;
            }
        }
        return picked;
    }

    static Optional<Provider> matchProvider(ClinicProfile clinic, String name) {
        if (clinic == null || clinic.providers() == null) {
            return Optional.empty();
        }
        String wanted = name.toLowerCase(Locale.ROOT).replace("dr.", "").replace("doctor", "").trim();
        return clinic.providers().stream()
                .filter(p -> !p.hidden())
                .filter(p -> (p.lastName() != null && wanted.contains(p.lastName().toLowerCase(Locale.ROOT)))
                        || (p.firstName() != null && wanted.equals(p.firstName().toLowerCase(Locale.ROOT))))
                .findFirst();
    }
}
