package com.dentaldesk.booking.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.dentaldesk.booking.config.BookingConfig;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.onboarding.OperatorResource;
import com.dentaldesk.contracts.booking.ApiResponse;

/**
 * Authenticates every {@code /api} request, failing closed: a path is public only when listed here.
 * A clinic API key selects its clinic. The service token (the gateway) selects the clinic named in
 * {@code X-Clinic-Slug}; without the token that header is ignored.
 */
public class ApiAuthFilter {

    public static final String CLINIC_HEADER = "X-Clinic-Slug";
    private static final Set<String> PUBLIC_PATHS = Set.of("/api/retell/webhook");

    private final BookingConfig config;
    private final ApiKeys apiKeys;
    private final OrganizationRepository organizations;
    private final ServiceClinics serviceClinics;
    private final TenantContext tenant;

    public ApiAuthFilter(BookingConfig config, ApiKeys apiKeys, OrganizationRepository organizations,
            ServiceClinics serviceClinics, TenantContext tenant) {
        this.config = config;
        this.apiKeys = apiKeys;
        this.organizations = organizations;
        this.serviceClinics = serviceClinics;
        this.tenant = tenant;
    }

    /** API answers carry patient data: no browser or proxy may keep a copy. */
    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<RestResponse<ApiResponse<Object>>> authenticate(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (!path.startsWith("/api/") || PUBLIC_PATHS.contains(path)) {
            return Optional.empty();
        }
        String token = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            throw BookingException.unauthorized("Missing Authorization: Bearer <API key>");
        }
        if (path.startsWith(OperatorResource.PATH + "/")) {
            // The operator's routes take the operator token only; unset, nobody may use them.
            if (config.operatorToken().filter(operator -> !operator.isEmpty()
                    && constantTimeEquals(token, operator)).isEmpty()) {
                throw BookingException.unauthorized("The operator routes need the operator token");
            }
            return Optional.empty();
        }
        if (constantTimeEquals(token, config.serviceToken())) {
            tenant.markService();
            String slug = request.getHeaderString(CLINIC_HEADER);
            if (slug != null && !slug.isBlank()) {
                tenant.actFor(serviceClinics.bySlug(slug.trim()));
            }
            return Optional.empty();
        }
        Organization clinic = outsideTenant(() -> apiKeys.findActive(token).map(key -> {
            apiKeys.noteUse(key);
            return organizations.findById(key.organizationId);
        })).orElseThrow(() -> BookingException.unauthorized("Invalid or revoked API key"));
        tenant.actFor(clinic);
        return Optional.empty();
    }

    /**
     * Runs a lookup in its own short transaction, so its Hibernate session (opened before the tenant is known)
     * is closed before the request's real work opens one for the clinic.
     */
    static <T> T outsideTenant(Supplier<T> lookup) {
        return QuarkusTransaction.requiringNew().call(lookup::get);
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
