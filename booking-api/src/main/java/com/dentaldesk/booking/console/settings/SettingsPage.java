package com.dentaldesk.booking.console.settings;

import static com.dentaldesk.booking.input.ControlCharacters.field;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.dentaldesk.booking.audit.AuditTrail;
import com.dentaldesk.booking.closures.ClosedDay;
import com.dentaldesk.booking.closures.ClosedDays;
import com.dentaldesk.booking.console.Choice;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.Display;
import com.dentaldesk.booking.console.SignedInClinic;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.functions.Params;
import com.dentaldesk.booking.operatories.OperatoryService;
import com.dentaldesk.booking.providers.ProviderService;
import com.dentaldesk.booking.schedules.ScheduleService;
import com.dentaldesk.booking.services.ClinicService;
import com.dentaldesk.booking.services.ClinicServices;
import com.dentaldesk.booking.tenancy.ClinicSettings;
import com.dentaldesk.booking.tenancy.ClinicSettings.Settings;
import com.dentaldesk.booking.time.ClinicTime;
import com.dentaldesk.contracts.booking.Operatory;
import com.dentaldesk.contracts.booking.Provider;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The clinic's profile (name, time zone, greeting, instructions, rules) and its rooms and providers, each of which
 * can be taken out of use and back (through the same services as the API's UpdateOperatory and UpdateProvider).
 */
@Path(Console.SETTINGS)
public class SettingsPage {

    /**
     * The page; {@code field} names the profile input the {@code error} is about, {@code sectionError} is a refusal
     * of the rooms, providers or hours form named by {@code section}, and {@code notice} says what a form just did.
     */
    public record SettingsView(Settings settings, List<String> zones, List<InUseList> lists, String error,
            String field, boolean saved, String section, String sectionError, String notice, List<Choice> providers,
            List<Choice> rooms, String today, List<Closure> closures, List<ServiceRow> services) {
    }

    /** A service as listed, with the form action that removes it. */
    public record ServiceRow(String name, int minutes, String remove) {
    }

    /** A closed day as listed, with the form action that opens it again. */
    public record Closure(String day, String reason, String reopen) {
    }


    /** Rooms or providers: what each is called here, and a note on what taking one out of use means. */
    public record InUseList(String id, String title, String note, String nameLabel, String detailLabel,
            List<InUse> items) {
    }

    /** A room or a provider, with the form action that takes it out of use or back. */
    public record InUse(long id, String name, String code, String detail, boolean active, String action,
            String first, String last) {
    }

    @CheckedTemplate(basePath = "console/settings")
    static class Templates {
        static native TemplateInstance settings(SettingsView view);
    }

    /** Suggestions for the time zone field: the IANA region names ("America/New_York"), sorted. */
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.matches("(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted().toList();

    private final ClinicSettings clinic;
    private final OperatoryService operatories;
    private final ProviderService providers;
    private final ScheduleService schedules;
    private final ClosedDays closedDays;
    private final ClinicServices clinicServices;
    private final ClinicTime clinicTime;
    private final AuditTrail audit;
    private final SignedInClinic signedIn;

    public SettingsPage(ClinicSettings clinic, OperatoryService operatories, ProviderService providers,
            ScheduleService schedules, ClosedDays closedDays, ClinicServices clinicServices, ClinicTime clinicTime,
            AuditTrail audit, SignedInClinic signedIn) {
        this.closedDays = closedDays;
        this.clinicServices = clinicServices;
        this.clinic = clinic;
        this.operatories = operatories;
        this.providers = providers;
        this.schedules = schedules;
        this.clinicTime = clinicTime;
        this.audit = audit;
        this.signedIn = signedIn;
    }

    private static final Map<String, String> NOTICES = Map.of("room", "Room added.", "provider", "Provider added.",
            "service", "Service added. The receptionist uses its length from the next call.",
            "renamed", "Saved.",
            "closed", "Closed. Callers are not offered times on closed days.", "reopened",
            "Open again. Add its working hours below if people work that day.");

    @GET
    public TemplateInstance show(@QueryParam("saved") boolean saved, @QueryParam("added") String added,
            @QueryParam("days") Integer days) {
        String notice = days != null ? "Added " + days + (days == 1 ? " working day." : " working days.")
                : NOTICES.get(added == null ? "" : added);
        return Templates.settings(view(clinic.current(), null, null, saved, null, null, notice));
    }

    @POST
    public Response save(@FormParam("name") String name, @FormParam("timezone") String timezone,
            @FormParam("greeting") String greeting, @FormParam("customInstructions") String customInstructions,
            @FormParam("businessRules") String businessRules, @FormParam("transferNumber") String transferNumber,
            @FormParam("address") String address, @FormParam("parking") String parking,
            @FormParam("payment") String payment) {
        // Where callers are put through is the owner's to set: a front-desk form keeps the current number.
        String transfer = signedIn.isOwner() ? transferNumber : clinic.current().transferNumber();
        Settings form = new Settings(name, timezone, greeting, customInstructions, businessRules, transfer, address,
                parking, payment);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                clinic.update(form);
                audit.record(signedIn.actor(), "Changed the clinic's settings", "");
            });
            return Console.seeOther(Console.SETTINGS + "?saved=true").build();
        } catch (BookingException e) {
            String field = e.error().missing().isEmpty() ? null : e.error().missing().get(0);
            return Console.rejected(e, Templates.settings(view(form, e.getMessage(), field, false, null, null,
                    null)));
        }
    }

    @POST
    @Path("/rooms")
    public Response addRoom(@FormParam("name") String name, @FormParam("abbrev") String abbrev) {
        return added("rooms", "room", () -> {
            Map<String, Object> room = new HashMap<>(Map.of("OpName", field(name), "IsActive", true));
            if (!field(abbrev).isEmpty()) {
                room.put("Abbrev", field(abbrev));
            }
            Operatory made = operatories.create(new Params(room));
            audit.record(signedIn.actor(), "Added a room", made.name());
        });
    }

    @POST
    @Path("/providers")
    public Response addProvider(@FormParam("firstName") String firstName, @FormParam("lastName") String lastName,
            @FormParam("specialty") String specialty) {
        return added("providers", "provider", () -> {
            Map<String, Object> provider = new HashMap<>(Map.of("FName", field(firstName), "LName", field(lastName)));
            if (!field(specialty).isEmpty()) {
                provider.put("Specialty", field(specialty));
            }
            Provider made = providers.create(new Params(provider));
            audit.record(signedIn.actor(), "Added a provider", made.firstName() + " " + made.lastName());
        });
    }

    /** Working hours for a provider in a room on chosen weekdays, for some weeks: the supply of bookable time. */
    @POST
    @Path("/hours")
    public Response addHours(@FormParam("provider") Long provider, @FormParam("room") Long room,
            @FormParam("days") List<String> days, @FormParam("start") String start, @FormParam("stop") String stop,
            @FormParam("from") String from, @FormParam("weeks") Integer weeks) {
        try {
            if (provider == null || room == null) {
                throw BookingException.missing(provider == null ? List.of("provider") : List.of("room"));
            }
            Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
            for (String day : days == null ? List.<String>of() : days) {
                weekdays.add(DayOfWeek.valueOf(day));
            }
            LocalDate first = date(from);
            int added = QuarkusTransaction.requiringNew().call(() -> {
                int count = schedules.createWeekly(provider, room, weekdays, time("start", start), time("stop", stop),
                        first, weeks == null ? 0 : weeks);
                audit.record(signedIn.actor(), "Added working hours", "Provider " + provider + ", room " + room
                        + ": " + count + " days from " + first);
                return count;
            });
            return Console.seeOther(Console.SETTINGS + "?days=" + added + "#hours").build();
        } catch (IllegalArgumentException e) {
            return Console.rejected(BookingException.invalid("days", "Choose weekdays from the list"),
                    Templates.settings(view(clinic.current(), null, null, false, "hours",
                            "Choose weekdays from the list", null)));
        } catch (BookingException e) {
            return Console.rejected(e, Templates.settings(view(clinic.current(), null, null, false, "hours",
                    e.getMessage(), null)));
        }
    }

    /** A room's new name (and short name): appointments and hours stay with it. */
    @POST
    @Path("/rooms/{id}/edit")
    public Response renameRoom(@PathParam("id") long id, @FormParam("name") String name,
            @FormParam("abbrev") String abbrev) {
        return added("rooms", "renamed", () -> {
            if (field(name).isEmpty()) {
                throw BookingException.missing(List.of("name"));
            }
            operatories.update(new Params(Map.of("OperatoryNum", id, "OpName", field(name), "Abbrev", field(abbrev))));
            audit.record(signedIn.actor(), "Renamed a room", "Room " + id + ": " + field(name));
        });
    }

    /** A provider's corrected name or specialty: appointments and hours stay with them. */
    @POST
    @Path("/providers/{id}/edit")
    public Response renameProvider(@PathParam("id") long id, @FormParam("firstName") String firstName,
            @FormParam("lastName") String lastName, @FormParam("specialty") String specialty) {
        return added("providers", "renamed", () -> {
            if (field(firstName).isEmpty() || field(lastName).isEmpty()) {
                throw BookingException.missing(field(firstName).isEmpty() ? List.of("firstName") : List.of("lastName"));
            }
            providers.update(new Params(Map.of("ProvNum", id, "FName", field(firstName), "LName", field(lastName),
                    "Specialty", field(specialty))));
            audit.record(signedIn.actor(), "Renamed a provider", "Provider " + id + ": " + field(firstName) + " "
                    + field(lastName));
        });
    }

    /** A service callers ask for, with its usual length: the receptionist searches slots of that length. */
    @POST
    @Path("/services")
    public Response addService(@FormParam("name") String name, @FormParam("minutes") Integer minutes) {
        return added("services", "service", () -> {
            ClinicService service = clinicServices.add(name, minutes);
            audit.record(signedIn.actor(), "Added a service", service.name + ", " + service.minutes + " minutes");
        });
    }

    @POST
    @Path("/services/{id}/remove")
    public Response removeService(@PathParam("id") long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            ClinicService service = clinicServices.remove(id);
            audit.record(signedIn.actor(), "Removed a service", service.name);
        });
        return Console.seeOther(Console.SETTINGS + "#services").build();
    }

    /** Closes one day or a run of days: their hours go, and callers are offered nothing on them. */
    @POST
    @Path("/closures")
    public Response close(@FormParam("from") String from, @FormParam("to") String to,
            @FormParam("reason") String reason) {
        return added("closures", "closed", () -> {
            LocalDate first = date(from);
            LocalDate last = field(to).isEmpty() ? first : date(to);
            int closed = closedDays.close(first, last, reason);
            audit.record(signedIn.actor(), "Closed the clinic", first + (last.equals(first) ? "" : " to " + last)
                    + " (" + closed + (closed == 1 ? " day)" : " days)"));
        });
    }

    @POST
    @Path("/closures/{id}/reopen")
    public Response reopen(@PathParam("id") long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            ClosedDay day = closedDays.reopen(id);
            audit.record(signedIn.actor(), "Opened a closed day again", day.date.toString());
        });
        return Console.seeOther(Console.SETTINGS + "?added=reopened#closures").build();
    }

    /** Runs a Settings form in one transaction with its audit line; the page again with the refusal in that section. */
    private Response added(String section, String what, Runnable add) {
        try {
            QuarkusTransaction.requiringNew().run(add);
            return Console.seeOther(Console.SETTINGS + "?added=" + what + "#" + section).build();
        } catch (BookingException e) {
            return Console.rejected(e, Templates.settings(view(clinic.current(), null, null, false, section,
                    e.getMessage(), null)));
        }
    }


    private static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(field(value));
        } catch (DateTimeParseException e) {
            throw BookingException.invalid(field, "Write the " + (field.equals("start") ? "start" : "end")
                    + " time as hours and minutes, e.g. 08:00");
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(field(value));
        } catch (DateTimeParseException e) {
            throw BookingException.invalid("from", "Write the first day as a date, e.g. 2026-12-07");
        }
    }

    @POST
    @Path("/rooms/{id}")
    public Response setRoomActive(@PathParam("id") long id, @FormParam("active") boolean active) {
        QuarkusTransaction.requiringNew().run(() -> {
            operatories.update(new Params(Map.of("OperatoryNum", id, "IsActive", active)));
            audit.record(signedIn.actor(), active ? "Put a room in use" : "Took a room out of use", "Room " + id);
        });
        return Console.seeOther(Console.SETTINGS + "#rooms").build();
    }

    @POST
    @Path("/providers/{id}")
    public Response setProviderActive(@PathParam("id") long id, @FormParam("active") boolean active) {
        QuarkusTransaction.requiringNew().run(() -> {
            providers.update(new Params(Map.of("ProvNum", id, "IsHidden", !active)));
            audit.record(signedIn.actor(), active ? "Put a provider in use" : "Took a provider out of use",
                    "Provider " + id);
        });
        return Console.seeOther(Console.SETTINGS + "#providers").build();
    }

    private SettingsView view(Settings settings, String error, String field, boolean saved, String section,
            String sectionError, String notice) {
        List<InUse> rooms = operatories.list(new Params(Map.of("IncludeInactive", true))).stream()
                .map(room -> new InUse(room.operatoryNum(), room.name(), room.abbrev(), String.join(", ", room.tags()),
                        room.active(), Console.SETTINGS + "/rooms/" + room.operatoryNum(), null, null))
                .toList();
        List<InUse> people = providers.list(new Params(Map.of("IncludeHidden", true))).stream()
                .map(provider -> new InUse(provider.provNum(), provider.firstName() + " " + provider.lastName(),
                        provider.abbr(), provider.specialty(), !provider.hidden(),
                        Console.SETTINGS + "/providers/" + provider.provNum(), provider.firstName(),
                        provider.lastName()))
                .toList();
        return new SettingsView(settings, ZONES, List.of(
                new InUseList("rooms", "Rooms", "An inactive room is never offered to callers; its appointments stay.",
                        "Room", "Tags", rooms),
                new InUseList("providers", "Providers", "An inactive provider is never offered to callers; their"
                        + " appointments stay.", "Provider", "Specialty", people)),
                error, field, saved, section, sectionError, notice,
                people.stream().filter(InUse::active).map(p -> new Choice(p.id(), p.name())).toList(),
                rooms.stream().filter(InUse::active).map(r -> new Choice(r.id(), r.name())).toList(),
                clinicTime.today().toString(), closedDays.upcoming().stream()
                        .map(day -> new Closure(Display.day(day.date), day.reason,
                                Console.SETTINGS + "/closures/" + day.id + "/reopen"))
                        .toList(),
                clinicServices.all().stream().map(service -> new ServiceRow(service.name, service.minutes,
                        Console.SETTINGS + "/services/" + service.id + "/remove")).toList());
    }
}
