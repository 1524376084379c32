package com.dentaldesk.booking.console.calls;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A tool call as the front desk reads it ("Searched Tuesday, December 2: 3 times offered", "Booked Tuesday,
 * December 2 at 9:00 AM with Dr. Patel"), from the result the gateway recorded: a JSON object with a {@code status}
 * and the words the receptionist was given. Anything it does not know reads as the tool's name and status.
 */
final class ToolSentence {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("find_patient", "Looked up the caller"),
            Map.entry("register_patient", "Registered a new patient"),
            Map.entry("find_slots", "Searched for free times"),
            Map.entry("book_appointment", "Booking"),
            Map.entry("reschedule_appointment", "Moving an appointment"),
            Map.entry("cancel_appointment", "Cancelling an appointment"),
            Map.entry("list_my_appointments", "Listed the caller's appointments"),
            Map.entry("list_providers", "Listed the providers"),
            Map.entry("take_message", "Took a message"),
            Map.entry("transfer_call", "Transfer to the front desk"),
            Map.entry("end_call", "Ended the call"));

    private ToolSentence() {
    }

    static String of(String tool, String result, ObjectMapper json) {
        JsonNode answer = parse(result, json);
        String status = answer.path("status").asText("");
        String when = answer.path("when").asText("");
        String searched = answer.path("searched").asText("");
        return switch (status) {
            case "OPTIONS" -> "Searched " + searched + ": " + count(answer, "options", "time") + " offered";
            case "NO_SLOTS" -> "Searched " + searched + ": nothing free";
            case "BOOKED" -> "Booked " + when;
            case "MOVED" -> "Moved to " + when;
            case "CANCELLED" -> "Cancelled " + when;
            case "CONFIRMATION_REQUIRED" -> "Asked the caller to confirm: \"" + answer.path("asked_caller").asText("")
                    + "\"";
            case "DECLINED" -> "The caller said no; nothing was changed";
            case "CHANGE_REQUESTED" -> "The caller asked for something else; nothing was changed";
            case "SLOT_TAKEN" -> "That time was just taken; nothing was booked";
            case "FOUND" -> "Found the caller's record";
            case "NOT_FOUND", "NOT_FOUND_BY_PHONE" -> "No record found for the caller";
            case "SEVERAL_PATIENTS_ON_THIS_NUMBER" -> "Several patients share the caller's number";
            case "REGISTERED" -> "Registered a new patient";
            case "APPOINTMENTS" -> "Listed the caller's appointments: " + count(answer, "options", "appointment");
            case "NONE" -> "The caller has no upcoming appointments";
            case "PROVIDERS" -> "Listed the providers";
            case "MESSAGE_TAKEN" -> "Took a message for a callback";
            case "NOT_SAVED" -> "The message could not be saved";
            case "TRANSFERRING" -> "Transferred the call";
            case "NO_TRANSFER" -> "Could not transfer: no number set";
            case "ENDING" -> "Ended the call";
            default -> NAMES.getOrDefault(tool, tool) + (status.isEmpty() ? "" : ": " + words(status));
        };
    }

    /** A question put to the caller (the write waits for their yes): not a failure, though nothing was done yet. */
    static boolean asksTheCaller(String result, ObjectMapper json) {
        return "CONFIRMATION_REQUIRED".equals(parse(result, json).path("status").asText(""));
    }

    private static JsonNode parse(String result, ObjectMapper json) {
        if (result == null || result.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(result);
            return node != null && node.isObject() ? node : json.createObjectNode();
        } catch (JsonProcessingException notJson) {
            return json.createObjectNode();
        }
    }

    /** "3 times", "1 appointment". */
    private static String count(JsonNode answer, String field, String noun) {
        int n = answer.path(field).size();
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** UNKNOWN_OPTION → "unknown option". */
    private static String words(String status) {
        return status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
