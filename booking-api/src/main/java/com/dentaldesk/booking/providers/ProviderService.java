package com.dentaldesk.booking.providers;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.functions.Params;
import com.dentaldesk.contracts.booking.Provider;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The clinic's dentists and hygienists. Delete hides a provider; their appointments stay. */
@ApplicationScoped
@Transactional
public class ProviderService implements PanacheRepository<ProviderEntity> {

    public List<Provider> listVisible() {
        return find("hidden = false order by id").stream().map(ProviderEntity::toContract).toList();
    }

    public List<Provider> list(Params params) {
        boolean includeHidden = params.optionalBoolean("IncludeHidden").orElse(false);
        return includeHidden ? listAll().stream().map(ProviderEntity::toContract).toList() : listVisible();
    }

    public Provider get(Params params) {
        long provNum = params.requiredLong("ProvNum");
        params.requireAll();
        return require(provNum).toContract();
    }

    public Provider create(Params params) {
        ProviderEntity provider = new ProviderEntity();
        provider.firstName = params.requiredString("FName");
        provider.lastName = params.requiredString("LName");
        params.requireAll();
        provider.abbr = params.optionalString("Abbr").orElse(null);
        provider.specialty = params.optionalString("Specialty").orElse(null);
        persist(provider);
        return provider.toContract();
    }

    public Provider update(Params params) {
        long provNum = params.requiredLong("ProvNum");
        params.requireAll();
        ProviderEntity provider = require(provNum);
        params.optionalString("FName").ifPresent(v -> provider.firstName = v);
        params.optionalString("LName").ifPresent(v -> provider.lastName = v);
        params.optionalString("Abbr").ifPresent(v -> provider.abbr = v);
        params.optionalString("Specialty").ifPresent(v -> provider.specialty = v);
        params.optionalBoolean("IsHidden").ifPresent(v -> provider.hidden = v);
        return provider.toContract();
    }

    public Provider delete(Params params) {
        long provNum = params.requiredLong("ProvNum");
        params.requireAll();
        ProviderEntity provider = require(provNum);
        provider.hidden = true;
        return provider.toContract();
    }

    public ProviderEntity require(long provNum) {
        return findByIdOptional(provNum).orElseThrow(() -> BookingException.notFound("Provider " + provNum));
    }

    /** A provider who can be booked: exists in this clinic and is not hidden. */
    public ProviderEntity requireBookable(long provNum) {
        ProviderEntity provider = require(provNum);
        if (provider.hidden) {
            throw notBookable(provNum);
        }
        return provider;
    }

    /** The refusal of a hidden provider, wherever a booking names one. */
    public static BookingException notBookable(long provNum) {
        return BookingException.invalid("ProvNum", "Provider " + provNum + " no longer takes appointments");
    }
}
