package com.dentaldesk.booking.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import com.dentaldesk.booking.audit.AuditTrail.Actor;
import com.dentaldesk.booking.calls.LeadService;
import com.dentaldesk.booking.console.ConsoleSessions.SignedIn;
import com.dentaldesk.booking.staff.StaffRole;

/**
 * Who a console request is signed in as: the clinic (for the page header, {@code inject:signedIn} in templates) and
 * the person (for their role and the audit trail).
 */
@RequestScoped
@Named("signedIn")
public class SignedInClinic {

    private final LeadService leads;
    private String name;
    private String slug;
    private long memberId;
    private String memberName;
    private StaffRole role;
    private Long openLeads;

    public SignedInClinic(LeadService leads) {
        this.leads = leads;
    }

    void set(SignedIn session) {
        this.name = session.clinic().name;
        this.slug = session.clinic().slug;
        this.memberId = session.member().id;
        this.memberName = session.member().displayName;
        this.role = session.member().staffRole();
    }

    public boolean isPresent() {
        return slug != null;
    }

    public String getName() {
        return name;
    }

    public String getSlug() {
        return slug;
    }

    public String getMemberName() {
        return memberName;
    }

    public long memberId() {
        return memberId;
    }

    /** Owners also see keys, staff, agents and the audit trail. */
    public boolean isOwner() {
        return role == StaffRole.OWNER;
    }

    /** The signed-in person, as the audit trail names them. */
    public Actor actor() {
        return new Actor(memberId, memberName);
    }

    /** Open callbacks, counted once per page (the Leads tab's badge). */
    public long getOpenLeads() {
        if (openLeads == null) {
            openLeads = isPresent() ? leads.countOpen() : 0;
        }
        return openLeads;
    }
}
