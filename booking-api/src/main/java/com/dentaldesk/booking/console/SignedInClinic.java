package com.dentaldesk.booking.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import com.dentaldesk.booking.tenancy.Organization;

/** The clinic a console request is signed in to, for the page header ({@code inject:signedIn} in templates). */
@RequestScoped
@Named("signedIn")
public class SignedInClinic {

    private String name;
    private String slug;

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
}
