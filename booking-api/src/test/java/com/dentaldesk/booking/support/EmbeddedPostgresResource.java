package com.dentaldesk.booking.support;

import java.util.Map;

import com.dentaldesk.localstack.LocalPostgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real PostgreSQL 16 (with btree_gist) for the whole test run; no Docker. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static LocalPostgres postgres;

    /** The server every test class shares (started on first use). */
    public static synchronized LocalPostgres shared() {
        if (postgres == null) {
            postgres = LocalPostgres.start();
            postgres.createDatabase("booking");
        }
        return postgres;
    }

    @Override
    public synchronized Map<String, String> start() {
        shared();
        return Map.of("quarkus.datasource.jdbc.url", postgres.jdbcUrl("booking"),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // Shared by every test class of the run; stopped by the JVM shutdown hook.
    }
}
