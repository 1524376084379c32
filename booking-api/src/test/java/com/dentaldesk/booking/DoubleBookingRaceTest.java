package com.dentaldesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DoubleBookingRaceTest {

    private static final int CALLERS = 16;

    @Inject
    ClinicFixture fixture;

    @Inject
    DataSource dataSource;

    @Test
    void shouldLetExactlyOneOfSixteenRacingCallersBookOverlappingTimes() throws Exception {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Race");
        long room = clinic.room("Op 1", true);
        LocalDate day = clinic.futureWeekday(3);
        clinic.schedule(day, "08:00", "17:00", provider, room);
        List<Long> patients = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            patients.add(clinic.patient("Caller" + i, String.format("212-555-%04d", 1000 + i)));
        }

        // Starts 09:00, 09:03, ... 09:45, 60 minutes each: every pair overlaps.
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            String time = String.format("%s 09:%02d:00", day, i * 3);
            long patient = patients.get(i);
            statuses.add(pool.submit(() -> {
                start.await();
                return clinic.call("CreateAppointment", clinic.booking(patient, provider, time, 60))
                        .extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get());
        }
        pool.shutdown();

        assertThat(codes).filteredOn(code -> code == 200).hasSize(1);
        assertThat(codes).filteredOn(code -> code == 409).hasSize(CALLERS - 1);
        assertThat(overlappingPairs(clinic.id())).isZero();
    }

    private long overlappingPairs(long organizationId) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from appointments a join appointments b"
                     + " on a.id < b.id and a.organization_id = b.organization_id"
                     + " and (a.provider_id = b.provider_id or a.operatory_id = b.operatory_id)"
                     + " and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)"
                     + " where a.status in ('Scheduled', 'Complete') and b.status in ('Scheduled', 'Complete')"
                     + " and a.organization_id = " + organizationId)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
