package com.dentaldesk.booking.tenancy;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

/**
 * Feeds Hibernate's {@code @TenantId} discriminator: every query on a tenant entity is filtered by the clinic
 * of the request, and every insert is stamped with it. No clinic means tenant "0", which owns no rows.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ClinicTenantResolver implements TenantResolver {

    static final String NO_CLINIC = "0";

    @Override
    public String getDefaultTenantId() {
        return NO_CLINIC;
    }

    @Override
    public String resolveTenantId() {
        if (!Arc.container().requestContext().isActive()) {
            return NO_CLINIC;
        }
        TenantContext context = Arc.container().instance(TenantContext.class).get();
        return context.hasClinic() ? String.valueOf(context.organizationId()) : NO_CLINIC;
    }
}
