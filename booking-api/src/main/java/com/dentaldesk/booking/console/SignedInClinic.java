package com.dentaldesk.booking.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import com.dentaldesk.booking.calls.LeadService;
import com.dentaldesk.booking.tenancy.Organization;

/** The clinic a console request is signed in to, for the page header ({@code inject:signedIn} in templates). */
@RequestScoped
@Named("signedIn")
public class SignedInClinic {

    private final LeadService leads;
    private String name;
    private String slug;
    private Long openLeads;

    public SignedInClinic(LeadService leads) {
        this.leads = leads;
    }

    void set(Organization clinic) {
        this.name = clinic.name;
        this.slug = clinic.slug;
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

    /** Open callbacks, counted once per page (the Leads tab's badge). */
    public long getOpenLeads() {
        if (openLeads == null) {
            openLeads = isPresent() ? leads.countOpen() : 0;
        }
        return openLeads;
    }
}
