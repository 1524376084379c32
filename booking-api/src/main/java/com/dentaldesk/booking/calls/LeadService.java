package com.dentaldesk.booking.calls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.patients.PhoneNumbers;
import com.dentaldesk.booking.retell.CallLocks;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.contracts.calls.Lead;
import com.dentaldesk.contracts.calls.LeadRequest;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Leads of the current clinic: one per call, whoever reports it first (the gateway or the webhook). */
@ApplicationScoped
// Reads run in a transaction too: row-level security sees rows only once app.clinic_id is set, per transaction.
@Transactional
public class LeadService implements PanacheRepository<LeadEntity> {

    private static final int MAX_LIST = 500;
    private static final int MAX_REASON = 2000;
    private static final int MAX_NAME = 200;

    private final TenantContext tenant;
    private final PhoneNumbers phoneNumbers;
    private final CallLocks locks;

    public LeadService(TenantContext tenant, PhoneNumbers phoneNumbers, CallLocks locks) {
        this.tenant = tenant;
        this.phoneNumbers = phoneNumbers;
        this.locks = locks;
    }

    /** A message taken for a callback; a second one for the same call updates the first. */
    public Lead take(LeadRequest request) {
        tenant.organizationId();
        if (request == null) {
            throw BookingException.missing(List.of("name", "phone"));
        }
        String name = clean(request.name());
        if (name != null && name.length() > MAX_NAME) {
            throw BookingException.invalid("name", "name is longer than " + MAX_NAME + " characters");
        }
        String given = clean(request.phone());
        String phone = given == null ? null : phoneNumbers.normalize(given)
                .orElseThrow(() -> BookingException.invalid("phone", "phone is not a phone number"));
        if (name == null && phone == null) {
            throw BookingException.missing(List.of("name", "phone"));
        }
        String callId = clean(request.callId());
        return upsert(callId, name, phone, truncate(clean(request.reason()), MAX_REASON),
                callId == null ? "api" : "gateway",
                true).toContract();
    }

    /**
     * The lead of a finished, unbooked call, from the webhook; fills only what the gateway did not report. The
     * number is Retell's (the network's caller id): kept as given when it is not one we can normalise.
     */
    public Lead ensureForCall(String callId, String name, String rawPhone, String reason) {
        return upsert(callId, truncate(clean(name), MAX_NAME), phone(rawPhone), truncate(clean(reason), MAX_REASON),
                "webhook", false).toContract();
    }

    public Optional<LeadEntity> forCall(String callId) {
        return find("callId", callId).firstResultOptional();
    }

    public List<Lead> listLeads(String status) {
        tenant.organizationId();
        if (status != null && !status.isBlank()) {
            if (!LeadEntity.NEW.equals(status) && !LeadEntity.DONE.equals(status)) {
                throw BookingException.invalid("status", "status is new or done");
            }
            return find("status = ?1 order by createdAt desc, id desc", status).page(0, MAX_LIST).list().stream()
                    .map(LeadEntity::toContract).toList();
        }
        return find("order by createdAt desc, id desc").page(0, MAX_LIST).list().stream()
                .map(LeadEntity::toContract).toList();
    }

    public Lead markDone(long id) {
        tenant.organizationId();
        LeadEntity lead = findByIdOptional(id).orElseThrow(() -> BookingException.notFound("Lead " + id));
        if (!LeadEntity.DONE.equals(lead.status)) {
            lead.status = LeadEntity.DONE;
            lead.doneAt = Instant.now();
            lead.updatedAt = lead.doneAt;
        }
        return lead.toContract();
    }

    private LeadEntity upsert(String callId, String name, String phone, String reason, String source,
            boolean overwrite) {
        Optional<LeadEntity> existing = Optional.empty();
        if (callId != null) {
            locks.lock(callId);
            existing = forCall(callId);
        }
        Instant now = Instant.now();
        if (existing.isPresent()) {
            LeadEntity lead = existing.get();
            lead.name = pick(lead.name, name, overwrite);
            lead.phone = pick(lead.phone, phone, overwrite);
            lead.reason = pick(lead.reason, reason, overwrite);
            lead.updatedAt = now;
            return lead;
        }
        LeadEntity lead = new LeadEntity();
        lead.callId = callId;
        lead.name = name;
        lead.phone = phone;
        lead.reason = reason;
        lead.source = source;
        lead.createdAt = now;
        lead.updatedAt = now;
        persist(lead);
        return lead;
    }

    /** Leads of these calls, for the call log. */
    /** Callbacks not yet marked done: the count on the console's Leads tab. */
    public long countOpen() {
        return count("status <> ?1", LeadEntity.DONE);
    }

    public List<LeadEntity> forCalls(List<String> callIds) {
        return callIds.isEmpty() ? new ArrayList<>() : list("callId in ?1", callIds);
    }

    private static String pick(String current, String incoming, boolean overwrite) {
        if (incoming == null) {
            return current;
        }
        return overwrite || current == null ? incoming : current;
    }

    /** Retell's caller id: normalised when it can be, else kept as sent if it could be a number at all. */
    private String phone(String raw) {
        String phone = clean(raw);
        return phone == null ? null : phoneNumbers.normalize(phone).orElse(phone.length() <= 32 ? phone : null);
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
