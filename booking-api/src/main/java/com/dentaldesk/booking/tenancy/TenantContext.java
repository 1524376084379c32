package com.dentaldesk.booking.tenancy;

import java.time.ZoneId;

import jakarta.enterprise.context.RequestScoped;

import com.dentaldesk.booking.errors.BookingException;

/** The clinic the current request acts for, set once by authentication and read by Hibernate's tenant filter. */
@RequestScoped
public class TenantContext {

    private Long organizationId;
    private String slug;
    private ZoneId zone;
    private boolean service;

    public void actFor(Organization organization) {
        this.organizationId = organization.id;
        this.slug = organization.slug;
        this.zone = ZoneId.of(organization.timezone);
    }

    public void markService() {
        this.service = true;
    }

    public boolean isService() {
        return service;
    }

    public boolean hasClinic() {
        return organizationId != null;
    }

    public long organizationId() {
        if (organizationId == null) {
            throw BookingException.unauthorized("No clinic selected for this request");
        }
        return organizationId;
    }

    public String slug() {
        return slug;
    }

    public ZoneId zone() {
        organizationId();
        return zone;
    }
}
