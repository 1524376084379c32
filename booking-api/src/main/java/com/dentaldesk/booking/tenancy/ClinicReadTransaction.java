package com.dentaldesk.booking.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

/**
 * Runs the reads of a slot search for the request's clinic in a database transaction of their own, on a pooled
 * connection, without a JTA transaction or a Hibernate session: a profile of 8 clients searching (JFR execution
 * samples) put the JTA begin and commit, the session and the round trip that names the clinic at half of a search's
 * CPU. The clinic is named to Row-Level Security in the same round trip as the first read: every statement of the
 * work starts with {@link #NAME_CLINIC} ({@link #prepare} does it), and the transaction ends with a rollback, as
 * nothing is written. A read here does not see what an open JTA transaction of the same request wrote: use it only
 * for a request that reads and nothing else.
 */
@ApplicationScoped
public class ClinicReadTransaction {

    /** The clinic for Row-Level Security, transaction-local, as {@link TransactionClinicSetting} names it. */
    private static final String NAME_CLINIC = "select set_config('" + TransactionClinicSetting.SETTING
            + "', ?, true);\n";

    /** The work: reads on the connection, through statements from {@link #prepare}. */
    public interface Reads<T> {
        T run(Connection connection, long clinic) throws SQLException;
    }

    private final DataSource dataSource;
    private final TenantContext tenant;

    public ClinicReadTransaction(DataSource dataSource, TenantContext tenant) {
        this.dataSource = dataSource;
        this.tenant = tenant;
    }

    public <T> T run(Reads<T> reads) {
        long clinic = tenant.organizationId();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return reads.run(connection, clinic);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new PersistenceException("A read for the clinic failed", e);
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
