package com.dentaldesk.booking.staff;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.retell.RetellConfig;
import com.dentaldesk.booking.staff.StaffAccounts.OneTimeLink;

/**
 * The full address of a one-time link: on {@code BOOKING_API_PUBLIC_URL} when it is set (what people reach behind a
 * proxy), else on the address the request came to (a local run, where that is the only one).
 */
@ApplicationScoped
public class LinkAddresses {

    private final RetellConfig config;

    public LinkAddresses(RetellConfig config) {
        this.config = config;
    }

    public String of(OneTimeLink link, URI requestBase) {
        String base = config.publicUrl().filter(url -> !url.isBlank()).orElse(requestBase.toString());
        return base.replaceAll("/+$", "") + link.path();
    }
}
