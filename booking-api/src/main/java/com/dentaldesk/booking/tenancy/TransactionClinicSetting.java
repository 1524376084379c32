package com.dentaldesk.booking.tenancy;

import java.sql.PreparedStatement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Names the clinic of every transaction to PostgreSQL ({@code app.clinic_id}, transaction-local), the key of the
 * Row-Level Security policies (V3). It runs when a transaction begins, so every transaction carries it, and it uses
 * the tenant Hibernate's own filter uses for the same session: the two walls always agree. A clinic chosen during a
 * transaction therefore applies from the next one on (every caller already acts for it in a new transaction).
 */
@ApplicationScoped
public class TransactionClinicSetting {

    static final String SETTING = "app.clinic_id";

    private final Session session;
    private final ClinicTenantResolver tenants;

    public TransactionClinicSetting(Session session, @PersistenceUnitExtension ClinicTenantResolver tenants) {
        this.session = session;
        this.tenants = tenants;
    }

    void onBegin(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        String clinic = tenants.resolveTenantId();
        session.doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select set_config(?, ?, true)")) {
                statement.setString(1, SETTING);
                statement.setString(2, clinic);
                statement.execute();
            }
        });
    }
}
