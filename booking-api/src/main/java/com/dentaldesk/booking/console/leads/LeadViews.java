package com.dentaldesk.booking.console.leads;

import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.calls.LeadEntity;
import com.dentaldesk.booking.calls.LeadService;
import com.dentaldesk.booking.console.Display;
import com.dentaldesk.booking.console.MaskedPhone;
import com.dentaldesk.booking.console.calls.CallViews;
import com.dentaldesk.booking.tenancy.TenantContext;

/** The callbacks the front desk owes (open) or has made (done), newest first. */
@ApplicationScoped
@Transactional
public class LeadViews {

    public record LeadList(boolean open, List<LeadRow> leads) {
    }

    /** {@code callHref} is null for a lead that came from no call (created through the API). */
    public record LeadRow(long id, String received, String name, MaskedPhone phone, String reason, String callHref,
            boolean open) {
    }

    private final LeadService leads;
    private final TenantContext tenant;

    public LeadViews(LeadService leads, TenantContext tenant) {
        this.leads = leads;
        this.tenant = tenant;
    }

    public LeadList list(boolean open) {
        ZoneId zone = tenant.zone();
        return new LeadList(open, leads.listLeads(open ? LeadEntity.NEW : LeadEntity.DONE).stream()
                .map(lead -> new LeadRow(lead.id(), Display.dateTime(lead.createdAt(), zone),
                        lead.name() == null ? "(no name given)" : lead.name(), MaskedPhone.of(lead.phone()),
                        lead.reason(), lead.callId() == null ? null : CallViews.href(lead.callId()),
                        LeadEntity.NEW.equals(lead.status())))
                .toList());
    }
}
