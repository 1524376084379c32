package com.dentaldesk.booking.console.schedule;

import static com.dentaldesk.booking.input.ControlCharacters.field;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.dentaldesk.booking.appointments.AppointmentBooking;
import com.dentaldesk.booking.audit.AuditTrail;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.Display;
import com.dentaldesk.booking.console.MaskedPhone;
import com.dentaldesk.booking.console.SignedInClinic;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.functions.Params;
import com.dentaldesk.booking.operatories.OperatoryService;
import com.dentaldesk.booking.patients.PatientService;
import com.dentaldesk.booking.providers.ProviderService;
import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.contracts.booking.Patient;
import com.dentaldesk.contracts.booking.Slot;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Booking from the Schedule: a free time opens this form (the day, time, provider and room of the free cell), the
 * front desk finds the patient or enters a new one, and books through CreateAppointment, so the rules, refusals and
 * the 409 with nearby free times are the API's. A taken time shows those alternatives as links to book instead.
 */
@Path(Console.SCHEDULE + "/book")
public class BookPage {

    static final List<Integer> LENGTHS = List.of(15, 30, 45, 60, 90, 120);

    /** What to book: as the free cell (or an alternative) named it, and the form's other fields as last sent. */
    public record Booking(String day, String time, long provider, long room, int length, String reason) {
    }

    /** A new patient as typed. */
    public record NewPatient(String firstName, String lastName, String birthdate, String phone) {
    }

    /** A patient the search found: shown with birthdate and masked phone to tell namesakes apart. */
    public record Match(long id, String name, String birthdate, String phone, boolean chosen) {
    }

    /** A nearby free time after a refusal, with the link that books it instead (and its day and time for a move). */
    public record Alternative(String when, String provider, String href, String day, String time, long providerId) {
    }


    public record BookView(Booking booking, String title, String providerName, String roomName, List<Integer> lengths,
            String query, List<Match> matches, boolean searched, NewPatient newPatient, String error,
            List<Alternative> alternatives) {
    }

    @CheckedTemplate(basePath = "console/schedule")
    static class Templates {
        static native TemplateInstance book(BookView view);
    }

    private static final NewPatient NO_NEW_PATIENT = new NewPatient("", "", "", "");

    private final AppointmentBooking bookings;
    private final PatientService patients;
    private final ProviderService providers;
    private final OperatoryService operatories;
    private final AuditTrail audit;
    private final SignedInClinic signedIn;

    public BookPage(AppointmentBooking bookings, PatientService patients, ProviderService providers,
            OperatoryService operatories, AuditTrail audit, SignedInClinic signedIn) {
        this.bookings = bookings;
        this.patients = patients;
        this.providers = providers;
        this.operatories = operatories;
        this.audit = audit;
        this.signedIn = signedIn;
    }

    /** The link a free cell or an alternative opens. */
    public static String href(LocalDate day, LocalTime time, long provider, long room) {
        return Console.SCHEDULE + "/book?day=" + day + "&time=" + time.withSecond(0).withNano(0) + "&provider="
                + provider + "&room=" + room;
    }

    @GET
    public TemplateInstance form(@QueryParam("day") String day, @QueryParam("time") String time,
            @QueryParam("provider") long provider, @QueryParam("room") long room, @QueryParam("q") String query,
            @QueryParam("length") Integer length) {
        Booking booking = new Booking(day, time, provider, room, length == null ? 30 : length, "");
        return Templates.book(view(booking, query, null, NO_NEW_PATIENT, null, List.of()));
    }

    @POST
    public Response book(@FormParam("day") String day, @FormParam("time") String time,
            @FormParam("provider") long provider, @FormParam("room") long room, @FormParam("length") Integer length,
            @FormParam("reason") String reason, @FormParam("patient") String patient, @FormParam("q") String query,
            @FormParam("firstName") String firstName, @FormParam("lastName") String lastName,
            @FormParam("birthdate") String birthdate, @FormParam("phone") String phone) {
        Booking booking = new Booking(day, time, provider, room, length == null ? 30 : length, field(reason));
        NewPatient typed = new NewPatient(field(firstName), field(lastName), field(birthdate), field(phone));
        Long chosen = null;
        try {
            chosen = patientId(patient, typed);
            Map<String, Object> request = new HashMap<>(Map.of("PatNum", chosen, "ProvNum", provider, "Op", room,
                    "AptDateTime", LocalDate.parse(field(day)) + " " + LocalTime.parse(field(time)) + ":00",
                    "lengthMinutes", booking.length()));
            if (!booking.reason().isEmpty()) {
                request.put("Note", booking.reason());
            }
            Appointment made = bookings.create(request);
            audit.record(signedIn.actor(), "Booked an appointment", "Appointment " + made.aptNum());
            return Console.seeOther(AppointmentPage.href(made.aptNum()) + "?done=booked").build();
        } catch (DateTimeParseException e) {
            return Console.rejected(BookingException.invalid("time", "Open the form from a free time on the Schedule"),
                    Templates.book(view(booking, query, chosen, typed, "Open the form from a free time on the"
                            + " Schedule.", List.of())));
        } catch (BookingException refused) {
            List<Alternative> alternatives = refused.error().alternatives().stream().map(BookPage::alternative)
                    .toList();
            return Console.rejected(refused, Templates.book(view(booking, query, chosen,
                    chosen == null ? typed : NO_NEW_PATIENT, refused.getMessage(), alternatives)));
        }
    }

    /** The chosen patient, or the new one created from what was typed (CreatePatient returns an exact duplicate). */
    private long patientId(String patient, NewPatient typed) {
        if (patient != null && patient.matches("\\d+")) {
            return Long.parseLong(patient);
        }
        if (!"new".equals(patient)) {
            throw BookingException.invalid("patient", "Choose a patient, or enter a new one");
        }
        return patients.create(new Params(Map.of("FName", typed.firstName(), "LName", typed.lastName(),
                "Birthdate", typed.birthdate(), "WirelessPhone", typed.phone()))).patNum();
    }

    static Alternative alternative(Slot slot) {
        LocalDate day = LocalDate.parse(slot.dateTimeStart().substring(0, 10));
        LocalTime time = LocalTime.parse(slot.dateTimeStart().substring(11));
        return new Alternative(Display.day(day) + ", " + Display.time(time), slot.providerName(),
                href(day, time, slot.provNum(), slot.opNum()), day.toString(), time.toString(), slot.provNum());
    }

    private BookView view(Booking booking, String query, Long chosen, NewPatient newPatient, String error,
            List<Alternative> alternatives) {
        String providerName = lookup(() -> {
            var provider = providers.get(new Params(Map.of("ProvNum", booking.provider())));
            return provider.firstName() + " " + provider.lastName();
        });
        String roomName = lookup(() -> operatories.get(new Params(Map.of("OperatoryNum", booking.room()))).name());
        String title;
        try {
            title = Display.day(LocalDate.parse(field(booking.day()))) + ", "
                    + Display.time(LocalTime.parse(field(booking.time())));
        } catch (DateTimeParseException e) {
            title = "a time";
        }
        String search = field(query);
        // The patient already chosen (or just created) stays on the form after a refusal, searched for or not.
        List<Patient> found = search.isEmpty() ? List.of() : search(search);
        List<Patient> shown = chosen == null || found.stream().anyMatch(p -> p.patNum() == chosen) ? found
                : Stream.concat(patient(chosen).stream(), found.stream()).toList();
        List<Match> matches = shown.stream()
                .map(p -> new Match(p.patNum(), p.firstName() + " " + p.lastName(), p.birthdate(),
                        MaskedPhone.of(p.wirelessPhone()).masked(), chosen != null && chosen == p.patNum()))
                .toList();
        return new BookView(booking, title, providerName, roomName, LENGTHS, search, matches, !found.isEmpty() || !search.isEmpty(),
                newPatient, error, alternatives);
    }

    /** A patient of this clinic; empty for a number that is not one (another clinic's is "not found" too). */
    private Optional<Patient> patient(long id) {
        try {
            return Optional.of(patients.get(new Params(Map.of("PatNum", id))));
        } catch (BookingException e) {
            return Optional.empty();
        }
    }

    /** Patients by phone (when the search is mostly digits) or by last name's beginning. */
    private List<Patient> search(String query) {
        boolean phone = query.replaceAll("\\D", "").length() >= 7;
        try {
            return patients.search(new Params(Map.of(phone ? "Phone" : "LName", query)));
        } catch (BookingException e) {
            return List.of();
        }
    }

    private static String lookup(Supplier<String> name) {
        try {
            return name.get();
        } catch (BookingException e) {
            return "unknown";
        }
    }

}
