package com.dentaldesk.booking.calls;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.retell.CallLocks;
import com.dentaldesk.booking.tenancy.ClinicTransaction;
import com.dentaldesk.contracts.calls.ConversationLog;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The current clinic's call log (tenant-filtered reads; the gateway's upsert as plain SQL). */
@ApplicationScoped
public class ConversationRepository implements PanacheRepository<ConversationEntity> {

    /**
     * The call's lock (the one {@link CallLocks} takes, so a Retell webhook filling the same call waits its turn),
     * whether the appointment and lead it links to are the clinic's, then the upsert: all travel in one round trip.
     * A null value keeps what is stored.
     */
    private static final String LOCK_AND_UPSERT = "select pg_advisory_xact_lock(hashtextextended(?, 0));\n"
            + "select ?::bigint is null or exists (select 1 from appointments where organization_id = ? and id = ?),"
            + " ?::bigint is null or exists (select 1 from leads where organization_id = ? and id = ?);\n"
            + "insert into conversations as c (organization_id, call_id, agent_id, from_number, to_number, started_at,"
            + " ended_at, transcript, tool_calls, outcome, appointment_id, lead_id, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, coalesce(cast(? as jsonb), '[]'), coalesce(cast(? as jsonb), '[]'), ?, ?, ?, ?)"
            + " on conflict (organization_id, call_id) do update set"
            + " agent_id = coalesce(excluded.agent_id, c.agent_id),"
            + " from_number = coalesce(excluded.from_number, c.from_number),"
            + " to_number = coalesce(excluded.to_number, c.to_number),"
            + " started_at = coalesce(excluded.started_at, c.started_at),"
            + " ended_at = coalesce(excluded.ended_at, c.ended_at),"
            + " transcript = coalesce(cast(? as jsonb), c.transcript),"
            + " tool_calls = coalesce(cast(? as jsonb), c.tool_calls),"
            + " outcome = coalesce(excluded.outcome, c.outcome),"
            + " appointment_id = coalesce(excluded.appointment_id, c.appointment_id),"
            + " lead_id = coalesce(excluded.lead_id, c.lead_id),"
            + " updated_at = excluded.updated_at";

    public Optional<ConversationEntity> findByCallId(String callId) {
        return find("callId", callId).firstResultOptional();
    }

    /**
     * The gateway's write in one round trip instead of a locked read, an entity and a flush, on a
     * {@code ClinicTransaction}'s connection: every value the log carries replaces the stored one, absent ones are
     * kept. {@code transcriptJson} and {@code toolCallsJson} are null when the log carries none. A link to an
     * appointment or lead the clinic does not have is a 422, and the transaction's rollback undoes the upsert.
     */
    static void upsert(Connection connection, long clinic, String callId, ConversationLog log, String transcriptJson,
            String toolCallsJson, Instant savedAt) throws SQLException {
        try (PreparedStatement statement = ClinicTransaction.prepare(connection, clinic, LOCK_AND_UPSERT)) {
            int i = 1;
            statement.setString(++i, CallLocks.key(callId));
            i = bindLink(statement, i, clinic, log.appointmentId());
            i = bindLink(statement, i, clinic, log.leadId());
            statement.setLong(++i, clinic);
            statement.setString(++i, callId);
            statement.setString(++i, log.agentId());
            statement.setString(++i, log.fromNumber());
            statement.setString(++i, log.toNumber());
            setInstant(statement, ++i, log.startedAt());
            setInstant(statement, ++i, log.endedAt());
            statement.setString(++i, transcriptJson);
            statement.setString(++i, toolCallsJson);
            statement.setString(++i, log.outcome() == null ? null : log.outcome().name());
            statement.setObject(++i, log.appointmentId(), Types.BIGINT);
            statement.setObject(++i, log.leadId(), Types.BIGINT);
            setInstant(statement, ++i, savedAt);
            statement.setString(++i, transcriptJson);
            statement.setString(++i, toolCallsJson);
            ClinicTransaction.results(statement);
            statement.getMoreResults();
            try (ResultSet links = statement.getResultSet()) {
                links.next();
                if (!links.getBoolean(1)) {
                    throw BookingException.invalid("appointmentId", "Appointment " + log.appointmentId()
                            + " not found");
                }
                if (!links.getBoolean(2)) {
                    throw BookingException.invalid("leadId", "Lead " + log.leadId() + " not found");
                }
            }
        }
    }

    /** The parameters of one link's check from after {@code last}; returns the last index bound. */
    private static int bindLink(PreparedStatement statement, int last, long clinic, Long id) throws SQLException {
        statement.setObject(last + 1, id, Types.BIGINT);
        statement.setLong(last + 2, clinic);
        statement.setObject(last + 3, id, Types.BIGINT);
        return last + 3;
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }
}
