package com.dentaldesk.booking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.contracts.booking.BookingFunction;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Throws seeded random input at every function of {@code POST /api/booking}: known and unknown parameter names,
 * values of every JSON type and size, unicode, control characters, odd dates, ids of this clinic's real rows and of
 * none. Whatever comes in, the answer is the envelope with a status below 500. The seed is in every failure, so a
 * failure replays exactly.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class BookingFunctionFuzzTest {

    private static final long SEED = 20261130L;
    private static final int REQUESTS_PER_FUNCTION = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every parameter name the functions read, so the random values reach real code paths. */
    private static final List<String> NAMES = List.of("PatNum", "ProvNum", "OpNum", "Op", "OperatoryNum", "AptNum",
            "AptDateTime", "AptStatus", "AptType", "lengthMinutes", "DateStart", "DateEnd", "SchedDate", "StartTime",
            "StopTime", "ScheduleNum", "OtherScheduleNum", "FName", "LName", "Birthdate", "WirelessPhone", "Phone",
            "Email", "Note", "Abbr", "Abbrev", "Specialty", "OpName", "IsActive", "IsHidden", "IncludeHidden",
            "IncludeInactive", "dateStart", "dateEnd", "limit", "after", "timeFrom", "timeTo");

    private static final List<String> TEXTS = List.of("", " ", "2030-06-04 09:00:00", "2030-02-30 09:00:00",
            "99999-01-01 00:00:00", "0000-00-00", "2030-06-04T09:00:00Z", "tomorrow", "09:00", "25:61", "-1",
            "9223372036854775808", "1e400", "NaN", "'; drop table appointments; --", "<script>alert(1)</script>",
            "Zoë Ñúñez", "王小明", "مرحبا", "🦷🦷🦷", "\u0000", "a\u0000b", "\u0007\u001b[31m", "\r\n\r\n",
            "\uD83D", "+1 (212) 555-0100", "not-a-phone", "Scheduled", "Broken", "null", "true");

    @Inject
    ClinicFixture fixture;

    @Test
    void shouldAnswerEveryRandomCallWithTheEnvelopeAndNever5xx() throws Exception {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Fuzz");
        long room = clinic.room("Op Fuzz", true);
        long patient = clinic.patient("Fuzzy", "212-555-0199");
        clinic.schedule(clinic.futureWeekday(1), "08:00", "12:00", provider, room);
        long appointment = clinic.create("CreateAppointment",
                clinic.booking(patient, provider, clinic.futureWeekday(1) + " 09:00:00", 30), "AptNum");
        List<Object> ids = List.of(provider, room, patient, appointment, 0, -1, Long.MAX_VALUE, 999_999_999L);
        String day = clinic.futureWeekday(1).toString();
        // Valid calls to start from: half the requests mutate one of these, so the noise reaches past validation.
        Map<BookingFunction, Map<String, Object>> valid = Map.of(
                BookingFunction.CreateAppointment, clinic.booking(patient, provider, day + " 10:00:00", 30),
                BookingFunction.GetAvailableSlots, Map.of("dateStart", day, "dateEnd", day, "lengthMinutes", 30),
                BookingFunction.UpdateAppointment, Map.of("AptNum", appointment, "Note", "moved"),
                BookingFunction.GetAppointments, Map.of("DateStart", day, "DateEnd", day),
                BookingFunction.CreatePatient, Map.of("FName", "Ann", "LName", "Lee", "Birthdate", "1990-01-15",
                        "WirelessPhone", "212-555-0111"),
                BookingFunction.GetMultiplePatients, Map.of("LName", "Tester"),
                BookingFunction.CreateSchedule, Map.of("SchedDate", day, "StartTime", "13:00", "StopTime", "15:00",
                        "ProvNum", provider, "OpNum", room),
                BookingFunction.CheckScheduleConflicts, Map.of("SchedDate", day, "StartTime", "07:00",
                        "StopTime", "13:00", "ProvNum", provider, "OpNum", room),
                BookingFunction.CreateOperatory, Map.of("OpName", "Op 2", "IsActive", true),
                BookingFunction.CreateProvider, Map.of("FName", "New", "LName", "Provider"));

        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (BookingFunction function : BookingFunction.values()) {
            for (int i = 0; i < REQUESTS_PER_FUNCTION; i++) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("functionName", function.name());
                Object parameters;
                if (random.nextInt(20) == 0) {
                    parameters = value(random, ids, 0);
                } else if (valid.containsKey(function) && random.nextBoolean()) {
                    parameters = mutated(random, valid.get(function), ids);
                } else {
                    parameters = parameters(random, ids);
                }
                body.put("parameters", parameters);
                if (random.nextInt(5) == 0) {
                    body.put("sessionId", text(random));
                }
                String json = JSON.writeValueAsString(body);
                var request = clinic.api().body(json);
                if (function.isWrite() && random.nextBoolean()) {
                    // Mostly fresh keys; now and then a replay of an earlier one (same or different body).
                    int key = random.nextInt(8) == 0 ? random.nextInt(sent + 1) : sent;
                    request = request.header("Idempotency-Key", "fuzz-" + key);
                }
                Response response = request.post("/api/booking");
                sent++;
                int status = response.statusCode();
                String answer = response.asString();
                if (status >= 500 || !answer.contains("\"success\"")) {
                    failures.add("seed " + SEED + " #" + sent + " " + status + " for " + abbreviate(json));
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " answers broke the rule:\n"
                + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
        clinic.call("GetProviders", Map.of()).statusCode(200);
    }

    /** A valid call with up to two of its values replaced (or dropped) and sometimes an extra one. */
    private static Map<String, Object> mutated(Random random, Map<String, Object> valid, List<Object> ids) {
        Map<String, Object> parameters = new LinkedHashMap<>(valid);
        List<String> names = new ArrayList<>(valid.keySet());
        for (int i = 0, n = random.nextInt(3); i < n; i++) {
            String name = names.get(random.nextInt(names.size()));
            if (random.nextInt(6) == 0) {
                parameters.remove(name);
            } else {
                parameters.put(name, value(random, ids, 0));
            }
        }
        if (random.nextInt(4) == 0) {
            parameters.put(NAMES.get(random.nextInt(NAMES.size())), value(random, ids, 0));
        }
        return parameters;
    }

    private static Map<String, Object> parameters(Random random, List<Object> ids) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        int count = random.nextInt(7);
        for (int i = 0; i < count; i++) {
            String name = random.nextInt(8) == 0 ? text(random) : NAMES.get(random.nextInt(NAMES.size()));
            parameters.put(name, value(random, ids, 0));
        }
        return parameters;
    }

    private static Object value(Random random, List<Object> ids, int depth) {
        return switch (random.nextInt(depth > 1 ? 9 : 11)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> ids.get(random.nextInt(ids.size()));
            case 3 -> random.nextInt(200) - 20;
            case 4 -> random.nextLong();
            case 5 -> random.nextBoolean() ? random.nextDouble() * 1e6 : Double.MAX_VALUE;
            case 6, 7 -> TEXTS.get(random.nextInt(TEXTS.size()));
            case 8 -> text(random);
            case 9 -> java.util.Arrays.asList(value(random, ids, depth + 1), value(random, ids, depth + 1));
            default -> java.util.Collections.singletonMap(NAMES.get(random.nextInt(NAMES.size())),
                    value(random, ids, depth + 1));
        };
    }

    /** Random text: any code point, control characters included, from empty to long. */
    private static String text(Random random) {
        int length = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(10);
            case 2 -> random.nextInt(300);
            default -> 1_500 + random.nextInt(1_500);
        };
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> 0xa0 + random.nextInt(0xd000);
                default -> 0x1f300 + random.nextInt(0x300);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private static String abbreviate(String json) {
        return json.length() <= 300 ? json : json.substring(0, 300) + "…";
    }
}
