package com.dentaldesk.booking.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

/**
 * A database transaction for the request's clinic on a pooled connection, without a JTA transaction or a Hibernate
 * session, for the two hot paths (a slot search, a booking): profiles of both (JFR execution samples) put the JTA
 * begin and commit, the session and the round trip that names the clinic at a third to a half of their CPU. The
 * clinic is named to Row-Level Security in the same round trip as the first statement: every statement of the work
 * starts with {@link #NAME_CLINIC} ({@link #prepare} does it). Work here does not see what an open JTA transaction
 * of the same request wrote, and the JTA transaction does not see it: a request uses one or the other.
 */
@ApplicationScoped
public class ClinicTransaction {

    /** The clinic for Row-Level Security, transaction-local, as {@link TransactionClinicSetting} names it. */
    private static final String NAME_CLINIC = "select set_config('" + TransactionClinicSetting.SETTING
            + "', ?, true);\n";

    /** The work: statements on the connection, prepared by {@link #prepare}. */
    public interface Work<T> {
        T run(Connection connection, long clinic) throws SQLException;
    }

    private final DataSource dataSource;
    private final TenantContext tenant;

    public ClinicTransaction(DataSource dataSource, TenantContext tenant) {
        this.dataSource = dataSource;
        this.tenant = tenant;
    }

    /** Work that only reads: the transaction ends in a rollback. */
    public <T> T read(Work<T> reads) {
        return run(reads, false);
    }

    /** Work that writes: committed when it returns, rolled back when it throws (nothing of it is kept). */
    public <T> T write(Work<T> writes) {
        return run(writes, true);
    }

    private <T> T run(Work<T> work, boolean commit) {
        long clinic = tenant.organizationId();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            boolean committed = false;
            try {
                T result = work.run(connection, clinic);
                if (commit) {
                    connection.commit();
                    committed = true;
                }
                return result;
            } finally {
                if (!committed) {
                    connection.rollback();
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("A transaction for the clinic failed", e);
        }
    }

    /**
     * A statement that names the clinic, then runs {@code sql}: its own parameters start at index 2, and its first
     * result is {@link #results}' to skip.
     */
    public static PreparedStatement prepare(Connection connection, long clinic, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(NAME_CLINIC + sql);
        statement.setString(1, String.valueOf(clinic));
        return statement;
    }

    /** Runs a statement from {@link #prepare} and moves past the clinic's setting to the first result of the SQL. */
    public static void results(PreparedStatement statement) throws SQLException {
        statement.execute();
        statement.getMoreResults();
    }
}
