package com.dentaldesk.booking.console.settings;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.dentaldesk.booking.audit.AuditTrail;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.SignedInClinic;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.functions.Params;
import com.dentaldesk.booking.operatories.OperatoryService;
import com.dentaldesk.booking.providers.ProviderService;
import com.dentaldesk.booking.tenancy.ClinicSettings;
import com.dentaldesk.booking.tenancy.ClinicSettings.Settings;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The clinic's profile (name, time zone, greeting, instructions, rules) and its rooms and providers, each of which
 * can be taken out of use and back (through the same services as the API's UpdateOperatory and UpdateProvider).
 */
@Path(Console.SETTINGS)
public class SettingsPage {

    /** The page; {@code field} names the input the {@code error} is about. */
    public record SettingsView(Settings settings, List<String> zones, List<InUseList> lists, String error,
            String field, boolean saved) {
    }

    /** Rooms or providers: what each is called here, and a note on what taking one out of use means. */
    public record InUseList(String id, String title, String note, String nameLabel, String detailLabel,
            List<InUse> items) {
    }

    /** A room or a provider, with the form action that takes it out of use or back. */
    public record InUse(String name, String code, String detail, boolean active, String action) {
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
    private final AuditTrail audit;
    private final SignedInClinic signedIn;

    public SettingsPage(ClinicSettings clinic, OperatoryService operatories, ProviderService providers,
            AuditTrail audit, SignedInClinic signedIn) {
        this.clinic = clinic;
        this.operatories = operatories;
        this.providers = providers;
        this.audit = audit;
        this.signedIn = signedIn;
    }

    @GET
    public TemplateInstance show(@QueryParam("saved") boolean saved) {
        return Templates.settings(view(clinic.current(), null, null, saved));
    }

    @POST
    public Response save(@FormParam("name") String name, @FormParam("timezone") String timezone,
            @FormParam("greeting") String greeting, @FormParam("customInstructions") String customInstructions,
            @FormParam("businessRules") String businessRules) {
        Settings form = new Settings(name, timezone, greeting, customInstructions, businessRules);
        try {
            clinic.update(form);
            audit.record(signedIn.actor(), "Changed the clinic's settings", "");
            return Console.seeOther(Console.SETTINGS + "?saved=true").build();
        } catch (BookingException e) {
            String field = e.error().missing().isEmpty() ? null : e.error().missing().get(0);
            return Console.rejected(e, Templates.settings(view(form, e.getMessage(), field, false)));
        }
    }

    @POST
    @Path("/rooms/{id}")
    public Response setRoomActive(@PathParam("id") long id, @FormParam("active") boolean active) {
        operatories.update(new Params(Map.of("OperatoryNum", id, "IsActive", active)));
        audit.record(signedIn.actor(), active ? "Put a room in use" : "Took a room out of use", "Room " + id);
        return Console.seeOther(Console.SETTINGS + "#rooms").build();
    }

    @POST
    @Path("/providers/{id}")
    public Response setProviderActive(@PathParam("id") long id, @FormParam("active") boolean active) {
        providers.update(new Params(Map.of("ProvNum", id, "IsHidden", !active)));
        audit.record(signedIn.actor(), active ? "Put a provider in use" : "Took a provider out of use",
                "Provider " + id);
        return Console.seeOther(Console.SETTINGS + "#providers").build();
    }

    private SettingsView view(Settings settings, String error, String field, boolean saved) {
        List<InUse> rooms = operatories.list(new Params(Map.of("IncludeInactive", true))).stream()
                .map(room -> new InUse(room.name(), room.abbrev(), String.join(", ", room.tags()), room.active(),
                        Console.SETTINGS + "/rooms/" + room.operatoryNum()))
                .toList();
        List<InUse> people = providers.list(new Params(Map.of("IncludeHidden", true))).stream()
                .map(provider -> new InUse(provider.firstName() + " " + provider.lastName(), provider.abbr(),
                        provider.specialty(), !provider.hidden(),
                        Console.SETTINGS + "/providers/" + provider.provNum()))
                .toList();
        return new SettingsView(settings, ZONES, List.of(
                new InUseList("rooms", "Rooms", "An inactive room is never offered to callers; its appointments stay.",
                        "Room", "Tags", rooms),
                new InUseList("providers", "Providers", "An inactive provider is never offered to callers; their"
                        + " appointments stay.", "Provider", "Specialty", people)),
                error, field, saved);
    }
}
