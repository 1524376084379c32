package com.dentaldesk.booking.console.audit;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import com.dentaldesk.booking.audit.AuditTrail;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.Display;
import com.dentaldesk.booking.tenancy.TenantContext;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The owner's activity log: who changed what in the console, and when, newest first. */
@Path(Console.AUDIT)
public class AuditPage {

    public record Line(String at, String actor, String action, String detail) {
    }

    @CheckedTemplate(basePath = "console/audit")
    static class Templates {
        static native TemplateInstance list(List<Line> lines);
    }

    private final AuditTrail audit;
    private final TenantContext tenant;

    public AuditPage(AuditTrail audit, TenantContext tenant) {
        this.audit = audit;
        this.tenant = tenant;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(audit.latest().stream()
                .map(event -> new Line(Display.dateTime(event.at, tenant.zone()), event.actor, event.action,
                        event.detail))
                .toList());
    }
}
