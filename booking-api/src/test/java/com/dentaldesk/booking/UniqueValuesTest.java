package com.dentaldesk.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.errors.UniqueValues;
import com.dentaldesk.booking.staff.StaffMember;
import com.dentaldesk.booking.staff.StaffRole;
import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.contracts.booking.ErrorCode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two requests adding the same value at once: the one whose insert the database refuses gets the duplicate's 422,
 * never a 500. The race is staged by inserting past the service's own duplicate check.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class UniqueValuesTest {

    @Inject
    ClinicFixture fixture;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldAnswerTheLoserOfARaceOnAUniqueValueWithTheDuplicatesRefusal() {
        ClinicFixture.Clinic clinic = fixture.create("America/New_York");
        ClinicFixture.Person first = fixture.person(clinic, StaffRole.FRONT_DESK);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            StaffMember twin = new StaffMember();
            twin.organizationId = clinic.id();
            twin.email = first.email();
            twin.displayName = "Twin";
            twin.role = StaffRole.FRONT_DESK.stored();
            UniqueValues.insertOrRefuse(entityManager, () -> entityManager.persist(twin),
                    () -> BookingException.invalid("email", first.email() + " already has an account."));
        })).isInstanceOfSatisfying(BookingException.class,
                refusal -> assertThat(refusal.error().code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }
}
