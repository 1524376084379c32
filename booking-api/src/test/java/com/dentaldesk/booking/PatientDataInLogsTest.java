package com.dentaldesk.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.dentaldesk.booking.patients.PatientEntity;
import com.dentaldesk.booking.support.CapturedLogs;
import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.booking.tenancy.OrganizationRepository;
import com.dentaldesk.booking.tenancy.TenantContext;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * When PostgreSQL refuses a row its error detail names the row's values ("Failing row contains (…, Zqxmarker, …)"),
 * and Hibernate and Narayana each have a logger that prints such errors with the exception (Narayana's
 * ARJUNA012125 did, at commit). This forces that refusal with marked patient data, on the statement path and on the
 * commit path, through the service's own pool and transaction manager, and checks that the exception no longer
 * carries the detail (the driver's {@code logServerErrorDetail=false}) and that no captured log record (message,
 * parameters, any exception in its cause chain) carries the marker. Records are checked before formatting, so this
 * holds for the production JSON format too.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PatientDataInLogsTest {

    private static final String MARKER = "Zqxleakmarker";

    @Inject
    ClinicFixture fixture;

    @Inject
    EntityManager entityManager;

    @Inject
    TenantContext tenant;

    @Inject
    OrganizationRepository organizations;

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Test
    void shouldNotLogTheValuesOfARowTheDatabaseRefusedOnAStatement() {
        Clinic clinic = fixture.create("America/New_York");
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    actAs(clinic);
                    // last_name is NOT NULL: PostgreSQL's error carries the whole failing row.
                    entityManager.createNativeQuery("insert into patients (organization_id, first_name, phone,"
                            + " birthdate) values (?1, ?2, ?3, date '1980-05-05')")
                            .setParameter(1, clinic.id()).setParameter(2, MARKER).setParameter(3, "+1212" + MARKER)
                            .executeUpdate();
                }));
        assertRefusedWithoutNamingTheRow(refused);
    }

    @Test
    void shouldNotLogTheValuesOfARowTheDatabaseRefusedAtCommit() {
        Clinic clinic = fixture.create("America/New_York");
        long patient = clinic.create("CreatePatient", java.util.Map.of("FName", MARKER, "LName", "Tester",
                "Birthdate", "1980-05-05", "WirelessPhone", "212-555-0166"), "PatNum");
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        RuntimeException refused;
        try {
            // The clinic is fixed when the transaction's session opens, so it is named first.
            tenant.actFor(QuarkusTransaction.requiringNew().call(() -> organizations.findById(clinic.id())));
            refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                // A change Hibernate flushes in the transaction manager's before-completion, at commit.
                PatientEntity entity = entityManager.find(PatientEntity.class, patient);
                entity.lastName = null;
            }));
        } finally {
            requestContext.terminate();
        }
        assertRefusedWithoutNamingTheRow(refused);
    }

    /** The refusal happened, and neither its exception nor any log record names the row's values. */
    private void assertRefusedWithoutNamingTheRow(RuntimeException refused) {
        assertTrue(chain(refused).contains("violates not-null constraint"), chain(refused));
        assertFalse(chain(refused).contains(MARKER), "the exception names the row: " + chain(refused));
        assertEquals(List.of(), logs.containing(MARKER));
    }

    private void actAs(Clinic clinic) {
        entityManager.createNativeQuery("select set_config('app.clinic_id', ?1, true)")
                .setParameter(1, String.valueOf(clinic.id())).getSingleResult();
    }

    private static String chain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            text.append(cause).append(" | ");
        }
        return text.toString();
    }
}
