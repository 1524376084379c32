package com.dentaldesk.voice.tools;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.contracts.booking.Slot;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns slots and appointments into what the model needs to say: numbered options in words, no ids. */
public final class Spoken {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private Spoken() {
    }

    public static LocalDateTime parse(String wire) {
        try {
            return LocalDateTime.parse(wire, WIRE);
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    /** "Tuesday, June 9 at 9:00 AM". */
    public static String when(String wire) {
        LocalDateTime t = parse(wire);
        return t == null ? String.valueOf(wire) : when(t);
    }

    public static String when(LocalDateTime t) {
        return DateResolver.spoken(t.toLocalDate()) + " at " + t.format(TIME);
    }

    public static String slot(Slot slot) {
        return withProvider(when(slot.dateTimeStart()), slot.providerName());
    }

    public static String appointment(Appointment a) {
        return withProvider(when(a.aptDateTime()), a.providerName());
    }

    /** "Tuesday, June 9 at 9:00 AM" + " with Dr. Patel", when there is a provider. */
    public static String withProvider(String when, String providerName) {
        return when + (providerName == null ? "" : " with " + providerName);
    }

    static ArrayNode slotOptions(List<Slot> slots) {
        ArrayNode options = JSON.createArrayNode();
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            // "start" lets another instance rebuild the offer after a reconnect; the model reads "when".
            options.addObject().put("option", i + 1).put("when", when(s.dateTimeStart()))
                    .put("provider", s.providerName()).put("minutes", s.lengthMinutes())
                    .put("start", s.dateTimeStart());
        }
        return options;
    }

    static ArrayNode appointmentOptions(List<Appointment> appointments) {
        ArrayNode options = JSON.createArrayNode();
        for (int i = 0; i < appointments.size(); i++) {
            Appointment a = appointments.get(i);
            options.addObject().put("option", i + 1).put("when", when(a.aptDateTime()))
                    .put("provider", a.providerName()).put("type", a.type());
        }
        return options;
    }

    static ObjectNode status(String status) {
        return JSON.createObjectNode().put("status", status);
    }
}
