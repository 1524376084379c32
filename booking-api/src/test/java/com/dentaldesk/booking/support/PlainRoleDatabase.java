package com.dentaldesk.booking.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.dentaldesk.localstack.LocalPostgres;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * booking-api as production should run it: as a plain role (no superuser, no BYPASSRLS) that owns its own database,
 * so the forced row-level security policies of V3 bind the application itself. Every other test class connects as
 * the superuser, which skips them.
 */
public class PlainRoleDatabase implements QuarkusTestProfile {

    public static final String ROLE = "booking_plain_app";
    private static final String DATABASE = "booking_plain";

    @Override
    public Map<String, String> getConfigOverrides() {
        LocalPostgres postgres = EmbeddedPostgresResource.shared();
        createRoleAndDatabase(postgres);
        return Map.of("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username", ROLE, "quarkus.datasource.password", "");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of();
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    private static synchronized void createRoleAndDatabase(LocalPostgres postgres) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + ROLE + "') then "
                    + "create role " + ROLE + " login nosuperuser nobypassrls; end if; end $$");
            if (!statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next()) {
                statement.execute("create database " + DATABASE + " owner " + ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the plain application role", e);
        }
    }
}
