package com.dentaldesk.booking.services;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.errors.UniqueValues;
import com.dentaldesk.booking.input.ControlCharacters;
import com.dentaldesk.booking.slots.SlotFinder;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.contracts.booking.ClinicFacts;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The signed-in clinic's services and their usual lengths, as the receptionist is told them. */
@ApplicationScoped
@Transactional
public class ClinicServices implements PanacheRepository<ClinicService> {

    static final int MAX_NAME = 80;
    /** The slot search's own bounds: a service it cannot search for would never be offered. */
    static final int MIN_MINUTES = SlotFinder.MIN_LENGTH;
    static final int MAX_MINUTES = SlotFinder.MAX_LENGTH;

    private final TenantContext tenant;

    public ClinicServices(TenantContext tenant) {
        this.tenant = tenant;
    }

    public List<ClinicService> all() {
        tenant.organizationId();
        return list("order by lower(name)");
    }

    public List<ClinicFacts.Service> forCalls() {
        return all().stream().map(service -> new ClinicFacts.Service(service.name, service.minutes)).toList();
    }

    /** Adds a service; a 422 naming the field for a blank or duplicate name or a length out of range. */
    public ClinicService add(String rawName, Integer minutes) {
        tenant.organizationId();
        String name = ControlCharacters.field(rawName);
        if (name.isEmpty()) {
            throw BookingException.missing(List.of("name"));
        }
        if (name.length() > MAX_NAME) {
            throw BookingException.invalid("name", "Use at most " + MAX_NAME + " characters for the service");
        }
        if (minutes == null || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw BookingException.invalid("minutes", "A service takes " + MIN_MINUTES + " to " + MAX_MINUTES
                    + " minutes");
        }
        if (count("lower(name) = ?1", name.toLowerCase(Locale.ROOT)) > 0) {
            throw BookingException.invalid("name", name + " is already listed");
        }
        ClinicService service = new ClinicService();
        service.name = name;
        service.minutes = minutes;
        UniqueValues.insertOrRefuse(getEntityManager(), () -> persist(service),
                () -> BookingException.invalid("name", name + " is already listed"));
        return service;
    }

    public ClinicService remove(long id) {
        ClinicService service = findByIdOptional(id).orElseThrow(() -> BookingException.notFound("Service " + id));
        delete(service);
        return service;
    }
}
