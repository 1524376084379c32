package com.dentaldesk.booking.console;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.dentaldesk.booking.console.ConsoleSessions.SignedIn;
import com.dentaldesk.booking.tenancy.TenantContext;

/**
 * Guards every console page, failing closed: form posts only from the console's own origin (with SameSite=Strict
 * cookies, the CSRF defence), and a live session, else the sign-in page. The session's clinic becomes the request's
 * tenant exactly as an API key's does, so Hibernate's filter and the database's row-level security both apply; a
 * clinic is never taken from a form field or a URL. The owner's pages refuse everyone else, by link and by form.
 * Console pages are never cached, framed or sniffed.
 */
public class ConsoleGuard {

    private static final Set<String> PUBLIC_PATHS = Set.of(Console.SIGN_IN, Console.WELCOME,
            Console.FORGOT_PASSWORD);
    private static final Set<String> OWNER_SECTIONS = Set.of(Console.STAFF, Console.KEYS, Console.AUDIT,
            Console.AGENTS, Console.CONFIRMATION_SETTINGS);
    private static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final ConsoleSessions sessions;
    private final TenantContext tenant;
    private final SignedInClinic signedIn;

    public ConsoleGuard(ConsoleSessions sessions, TenantContext tenant, SignedInClinic signedIn) {
        this.sessions = sessions;
        this.tenant = tenant;
        this.signedIn = signedIn;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> guard(ContainerRequestContext request) {
        if (!Console.covers(request.getUriInfo())) {
            return Optional.empty();
        }
        if (HttpMethod.POST.equals(request.getMethod()) && !sameOrigin(request)) {
            return Optional.of(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("This form was sent from another site, so it was refused.").build());
        }
        if (PUBLIC_PATHS.contains(Console.path(request.getUriInfo()))) {
            return Optional.empty();
        }
        Cookie cookie = request.getCookies().get(ConsoleCookie.NAME);
        Optional<SignedIn> session = sessions.signedIn(cookie == null ? null : cookie.getValue());
        if (session.isEmpty()) {
            return Optional.of(Console.seeOther(Console.SIGN_IN).build());
        }
        tenant.actFor(session.get().clinic());
        signedIn.set(session.get());
        if (!signedIn.isOwner() && ownersOnly(Console.path(request.getUriInfo()))) {
            return Optional.of(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE)
                    .entity(ConsoleErrorPage.page("Only the owner can do this",
                            "This part of the console is for your clinic's owner. Ask them if you need a change here."))
                    .build());
        }
        return Optional.empty();
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (!Console.covers(request.getUriInfo())) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.putSingle("Content-Security-Policy", POLICY);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on our own forms.
        headers.putSingle("Referrer-Policy", "same-origin");
    }

    private static boolean ownersOnly(String path) {
        return OWNER_SECTIONS.stream().anyMatch(section -> path.equals(section) || path.startsWith(section + "/"));
    }

    /** A browser names the page a form came from in Origin; it must be this host. No Origin: not a cross-site form. */
    private static boolean sameOrigin(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return true;
        }
        String host = request.getHeaderString(HttpHeaders.HOST);
        try {
            String authority = URI.create(origin.trim()).getAuthority();
            return host != null && authority != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
