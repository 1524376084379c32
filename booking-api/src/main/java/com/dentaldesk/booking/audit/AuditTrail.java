package com.dentaldesk.booking.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.tenancy.TenantContext;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * The clinic's record of who did what in the console. Callers write one line per change, in the transaction of the
 * change when there is one. Details name records by number, never a patient's name or phone.
 */
@ApplicationScoped
@Transactional
public class AuditTrail implements PanacheRepository<AuditEvent> {

    static final int SHOWN = 200;

    /** Who acted: the signed-in person's id and name. */
    public record Actor(long staffMemberId, String name) {
    }

    private final TenantContext tenant;

    public AuditTrail(TenantContext tenant) {
        this.tenant = tenant;
    }

    public void record(Actor actor, String action, String detail) {
        tenant.organizationId();
        AuditEvent event = new AuditEvent();
        event.staffMemberId = actor.staffMemberId();
        event.actor = actor.name();
        event.action = action;
        event.detail = detail == null ? "" : detail;
        persist(event);
    }

    /** The clinic's latest changes, newest first. */
    public List<AuditEvent> latest() {
        tenant.organizationId();
        return find("order by at desc, id desc").page(0, SHOWN).list();
    }
}
