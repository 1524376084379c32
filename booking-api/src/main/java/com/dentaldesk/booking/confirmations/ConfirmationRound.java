package com.dentaldesk.booking.confirmations;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;

import com.dentaldesk.booking.confirmations.ConfirmationCalls.Claimed;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.retell.CallRequests.CallView;
import com.dentaldesk.booking.retell.CallRequests.OutboundCall;
import com.dentaldesk.booking.retell.RetellCallService;
import com.dentaldesk.booking.tenancy.Organization;
import com.dentaldesk.booking.tenancy.OrganizationRepository;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.booking.time.ClinicTime;
import com.dentaldesk.contracts.booking.ErrorCode;
import com.dentaldesk.contracts.retell.ConfirmationCallMetadata;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One clinic's round of confirmation calls: queue and plan, claim what is due, place each claimed call through
 * Retell with no transaction held, and record what Retell answered. See {@link ConfirmationJob} for why each call
 * happens once.
 */
@ApplicationScoped
public class ConfirmationRound {

    private static final int BATCH = 20;
    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' h:mm a", Locale.US);

    private final ConfirmationCalls calls;
    private final ConfirmationSettingsStore settingsStore;
    private final RetellCallService retell;
    private final OrganizationRepository organizations;
    private final ClinicTime clinicTime;
    private final TenantContext tenant;
    private final EntityManager entityManager;

    public ConfirmationRound(ConfirmationCalls calls, ConfirmationSettingsStore settingsStore, RetellCallService retell,
            OrganizationRepository organizations, ClinicTime clinicTime, TenantContext tenant,
            EntityManager entityManager) {
        this.calls = calls;
        this.settingsStore = settingsStore;
        this.retell = retell;
        this.organizations = organizations;
        this.clinicTime = clinicTime;
        this.tenant = tenant;
        this.entityManager = entityManager;
    }

    /** The clinics with confirmation calls on (read acting for no clinic: see V10's job_scan policy). */
    @ActivateRequestContext
    @SuppressWarnings("unchecked")
    List<Long> clinicsWithCallsOn() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) entityManager
                .createNativeQuery("select organization_id from confirmation_settings where enabled").getResultList())
                .stream().map(Number::longValue).toList());
    }

    /**
     * One clinic's round. The clinic is chosen before its first transaction: each transaction's session is opened
     * for the clinic chosen then, so none carries over from the clinic before (the scheduler's thread may share one
     * request context between rounds).
     */
    @ActivateRequestContext
    int runFor(long organizationId, Instant now) {
        Organization clinic = QuarkusTransaction.requiringNew().call(() -> organizations.findById(organizationId));
        tenant.actFor(clinic);
        ConfirmationSettings settings = QuarkusTransaction.requiringNew().call(() -> {
            ConfirmationSettings current = settingsStore.current();
            if (current.enabled) {
                calls.releaseAbandoned(current, now);
                calls.enqueue(current, now);
            }
            return current;
        });
        if (!settings.enabled) {
            return 0;
        }
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> calls.claim(settings, now, BATCH));
        Optional<String> from = claimed.isEmpty() ? Optional.empty()
                : QuarkusTransaction.requiringNew().call(settingsStore::numberToCallFrom);
        int placed = 0;
        for (Claimed call : claimed) {
            if (place(settings, call, from, now)) {
                placed++;
            }
        }
        return placed;
    }

    private boolean place(ConfirmationSettings settings, Claimed call, Optional<String> from, Instant now) {
        if (from.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> calls.notPlaced(settings, call.confirmationId(),
                    "The clinic has no phone number to call from", now));
            return false;
        }
        try {
            CallView placed = retell.placeCall(new OutboundCall(null, from.get(), call.patientPhone(),
                    metadata(call)));
            QuarkusTransaction.requiringNew().run(() -> calls.placed(call.confirmationId(), placed.callId(), now));
            return true;
        } catch (BookingException e) {
            if (e.error().code() == ErrorCode.UPSTREAM_TIMEOUT || e.error().code() == ErrorCode.UPSTREAM_FAILED) {
                // No answer, or Retell failing after it may have dialled: the call may have gone out. Its webhooks,
                // or the placing deadline, decide; another call now could ring the patient twice.
                return false;
            }
            QuarkusTransaction.requiringNew().run(() -> calls.notPlaced(settings, call.confirmationId(),
                    "Retell did not place the call (" + e.error().code().name().toLowerCase(Locale.ROOT) + ")", now));
            return false;
        }
    }

    /** What the receptionist knows of the call it makes: whom it calls, and which visit it confirms. */
    private Map<String, Object> metadata(Claimed call) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(ConfirmationCallMetadata.PURPOSE_KEY, ConfirmationCallMetadata.PURPOSE);
        metadata.put(ConfirmationCallMetadata.CONFIRMATION_ID, call.confirmationId());
        metadata.put(ConfirmationCallMetadata.APPOINTMENT_ID, call.appointmentId());
        // A late event of an earlier claim is told from this one's by it.
        metadata.put(ConfirmationCallMetadata.CLAIM, call.claim());
        metadata.put(ConfirmationCallMetadata.PATIENT_FIRST_NAME, call.patientFirstName());
        metadata.put(ConfirmationCallMetadata.APPOINTMENT_TIME, SPOKEN.format(call.startsAt().atZone(tenant.zone())));
        metadata.put(ConfirmationCallMetadata.APPOINTMENT_START, clinicTime.format(call.startsAt()));
        if (call.providerName() != null) {
            metadata.put(ConfirmationCallMetadata.PROVIDER, call.providerName());
        }
        return metadata;
    }
}
