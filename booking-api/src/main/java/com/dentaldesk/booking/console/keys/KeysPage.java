package com.dentaldesk.booking.console.keys;

import java.util.List;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import com.dentaldesk.booking.audit.AuditTrail;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.Display;
import com.dentaldesk.booking.console.SignedInClinic;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.input.ControlCharacters;
import com.dentaldesk.booking.tenancy.ApiKey;
import com.dentaldesk.booking.tenancy.ApiKeys;
import com.dentaldesk.booking.tenancy.TenantContext;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The owner's API keys, for machines that call the booking API (a practice system, a script): create one with a
 * name (shown once), see when each was last used, revoke one (refused from the next request on).
 */
@Path(Console.KEYS)
public class KeysPage {

    /** A key as listed: never the key itself, which is not stored. */
    public record KeyRow(long id, String label, String created, String lastUsed, boolean revoked, String revokedAt) {
    }

    /** The page: keys, a key just made (shown this once), the name as typed, and what went wrong. */
    public record KeysView(List<KeyRow> keys, String newKey, String newKeyLabel, String label, String error) {
    }

    @CheckedTemplate(basePath = "console/keys")
    static class Templates {
        static native TemplateInstance list(KeysView view);
    }

    private final ApiKeys apiKeys;
    private final TenantContext tenant;
    private final SignedInClinic signedIn;
    private final AuditTrail audit;

    public KeysPage(ApiKeys apiKeys, TenantContext tenant, SignedInClinic signedIn, AuditTrail audit) {
        this.apiKeys = apiKeys;
        this.tenant = tenant;
        this.signedIn = signedIn;
        this.audit = audit;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(view(null, null, "", null));
    }

    @POST
    public Response create(@FormParam("label") String label) {
        try {
            String key = QuarkusTransaction.requiringNew().call(() -> {
                String made = apiKeys.create(tenant.organizationId(), label);
                audit.record(signedIn.actor(), "Created an API key", ControlCharacters.field(label));
                return made;
            });
            return Response.ok(Templates.list(view(key, ControlCharacters.field(label), "", null))).build();
        } catch (BookingException e) {
            return Console.rejected(e, Templates.list(view(null, null, label, e.getMessage())));
        }
    }

    @POST
    @Path("/{id}/revoke")
    public Response revoke(@PathParam("id") long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            ApiKey key = apiKeys.revoke(tenant.organizationId(), id);
            audit.record(signedIn.actor(), "Revoked an API key", key.label);
        });
        return Console.seeOther(Console.KEYS).build();
    }

    private KeysView view(String newKey, String newKeyLabel, String label, String error) {
        List<KeyRow> rows = apiKeys.ofClinic(tenant.organizationId()).stream()
                .map(key -> new KeyRow(key.id, key.label, Display.dateTime(key.createdAt, tenant.zone()),
                        key.lastUsedAt == null ? "Never" : Display.dateTime(key.lastUsedAt, tenant.zone()),
                        key.revokedAt != null, Display.dateTime(key.revokedAt, tenant.zone())))
                .toList();
        return new KeysView(rows, newKey, newKeyLabel, label == null ? "" : label, error);
    }
}
