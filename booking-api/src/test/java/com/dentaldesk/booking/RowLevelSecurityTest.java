package com.dentaldesk.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.booking.tenancy.OrganizationRepository;
import com.dentaldesk.booking.tenancy.TenantContext;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The database's own wall (V3): as a plain application role, a tenant table shows nothing without the
 * per-transaction clinic setting and only that clinic's rows with it; and booking-api sets it on every transaction.
 * The tests connect as the superuser, which bypasses RLS, so each check switches to a non-superuser role first.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RowLevelSecurityTest {

    private static final String APP_ROLE = "booking_rls_probe";

    @Inject
    ClinicFixture fixture;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EntityManager entityManager;
    @Inject
    OrganizationRepository organizations;

    Clinic first;
    Clinic second;

    @BeforeEach
    void twoClinicsWithPatients() throws SQLException {
        first = fixture.create("America/New_York");
        second = fixture.create("America/Chicago");
        first.patient("Ada", "+12125550101");
        second.patient("Bea", "+13125550102");
        second.patient("Cal", "+13125550103");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + APP_ROLE + "') then"
                    + " create role " + APP_ROLE + " nologin nosuperuser nobypassrls; end if; end $$");
            s.execute("grant select, insert, update, delete on all tables in schema public to " + APP_ROLE);
            s.execute("grant usage on all sequences in schema public to " + APP_ROLE);
        }
    }

    @Test
    void shouldShowNoTenantRowsToAnAppRoleWithoutTheClinicSetting() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(count(s, "select count(*) from patients")).as("as superuser, RLS is bypassed").isGreaterThan(2);
            s.execute("set role " + APP_ROLE);
            try {
                for (String table : List.of("patients", "providers", "operatories", "schedules", "appointments",
                        "idempotency_records", "conversations", "leads", "agents", "retell_call_sessions")) {
                    assertThat(count(s, "select count(*) from " + table)).as(table).isZero();
                }
                s.execute("select set_config('app.clinic_id', '0', false)");
                assertThat(count(s, "select count(*) from patients")).isZero();
            } finally {
                s.execute("reset role");
                s.execute("reset app.clinic_id");
            }
        }
    }

    @Test
    void shouldShowOnlyTheClinicsRowsWithTheClinicSetting() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local role " + APP_ROLE);
            try (PreparedStatement set = c.prepareStatement("select set_config('app.clinic_id', ?, true)")) {
                set.setString(1, String.valueOf(second.id()));
                set.execute();
            }
            assertThat(organizationIds(s, "select organization_id from patients")).containsExactly(second.id(),
                    second.id());
            assertThatThrownBy(() -> s.execute("insert into patients (organization_id, first_name, last_name)"
                    + " values (" + first.id() + ", 'X', 'Y')"))
                    .as("writing another clinic's row").isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    @Test
    void shouldSetTheClinicOfTheRequestOnEveryTransaction() {
        boolean activated = !Arc.container().requestContext().isActive();
        if (activated) {
            Arc.container().requestContext().activate();
        }
        try {
            assertThat(settingAndVisiblePatients()).as("no clinic yet").isEqualTo(List.of(0L));

            TenantContext tenant = Arc.container().instance(TenantContext.class).get();
            tenant.actFor(QuarkusTransaction.requiringNew().call(() -> organizations.findById(second.id())));
            List<Long> seen = settingAndVisiblePatients();
            assertThat(seen.get(0)).as("app.clinic_id").isEqualTo(second.id());
            assertThat(seen.subList(1, seen.size())).containsExactly(second.id(), second.id());
        } finally {
            if (activated) {
                Arc.container().requestContext().terminate();
            }
        }
    }

    /** In a fresh transaction, as the app role: the clinic setting, then the clinic of every patient row visible. */
    private List<Long> settingAndVisiblePatients() {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("set local role " + APP_ROLE).executeUpdate();
            List<Long> result = new ArrayList<>();
            Object setting = entityManager.createNativeQuery("select current_setting('app.clinic_id', true)")
                    .getSingleResult();
            result.add(Long.valueOf(String.valueOf(setting)));
            for (Object id : entityManager.createNativeQuery("select organization_id from patients order by id")
                    .getResultList()) {
                result.add(((Number) id).longValue());
            }
            return result;
        });
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> organizationIds(Statement s, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
