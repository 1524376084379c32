package com.dentaldesk.booking.staff;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.retell.RetellConfig;
import com.dentaldesk.booking.staff.StaffAccounts.OneTimeLink;

/**
 * The full address of a one-time link: on {@code BOOKING_API_PUBLIC_URL} when it is set (what people reach behind a
 * proxy), else, for a link shown to whoever made it, on the address their request came to (a local run). A mailed
 * link is only ever built on the configured URL: a request's Host header is the sender's to choose, and a link to
 * their host would hand them the token.
 */
@ApplicationScoped
public class LinkAddresses {

    private final RetellConfig config;

    public LinkAddresses(RetellConfig config) {
        this.config = config;
    }

    /** For the page or the answer of the person who made the link. */
    public String shown(OneTimeLink link, URI requestBase) {
        return join(publicUrl().orElse(requestBase.toString()), link);
    }

    /** For a mail; empty without a configured public URL. */
    public Optional<String> mailed(OneTimeLink link) {
        return publicUrl().map(base -> join(base, link));
    }

    private Optional<String> publicUrl() {
        return config.publicUrl().filter(url -> !url.isBlank());
    }

    private static String join(String base, OneTimeLink link) {
        return base.replaceAll("/+$", "") + link.path();
    }
}
