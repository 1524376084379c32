package com.dentaldesk.booking.tenancy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepository<Organization> {

    public Optional<Organization> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The clinic owning a channel value (agent id or E.164 number); empty when nobody owns it. */
    public Optional<Organization> findByChannel(String kind, String value) {
        return find("from Organization o where o.id = (select c.organizationId from OrganizationChannel c"
                + " where c.kind = ?1 and c.value = ?2)", kind, value).firstResultOptional();
    }
}
