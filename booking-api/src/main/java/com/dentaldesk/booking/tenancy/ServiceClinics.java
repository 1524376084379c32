package com.dentaldesk.booking.tenancy;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.errors.BookingException;

import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;

/**
 * The clinic named in {@code X-Clinic-Slug} by the service token (the gateway sends it on every request). Cached
 * for a short while ({@code quarkus.cache.caffeine."clinic-by-slug"} in application.properties): without it each
 * gateway request paid a transaction of its own just to turn the slug into an id. Unknown slugs are not cached.
 * The cached object is a detached copy that only {@link TenantContext#actFor} reads.
 */
@ApplicationScoped
public class ServiceClinics {

    static final String CACHE = "clinic-by-slug";

    private final OrganizationRepository organizations;

    public ServiceClinics(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    @CacheResult(cacheName = CACHE)
    public Organization bySlug(String slug) {
        return ApiAuthFilter.outsideTenant(() -> organizations.findBySlug(slug))
                .orElseThrow(() -> BookingException.notFound("Clinic"));
    }

    /** A clinic's name, slug or time zone changed: the next request reads it again. */
    @CacheInvalidateAll(cacheName = CACHE)
    public void forgetAll() {
        // The annotation does the work.
    }
}
