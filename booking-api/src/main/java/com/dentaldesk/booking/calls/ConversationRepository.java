package com.dentaldesk.booking.calls;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import com.dentaldesk.booking.retell.CallLocks;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.contracts.calls.ConversationLog;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The current clinic's call log (tenant-filtered). */
@ApplicationScoped
public class ConversationRepository implements PanacheRepository<ConversationEntity> {

    /**
     * The call's lock (the one {@link CallLocks} takes, so a Retell webhook filling the same call waits its turn),
     * then the upsert: both travel in one round trip. A null value keeps what is stored.
     */
    private static final String LOCK_AND_UPSERT = "select pg_advisory_xact_lock(hashtextextended(?, 0));\n"
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

    private final TenantContext tenant;

    public ConversationRepository(TenantContext tenant) {
        this.tenant = tenant;
    }

    public Optional<ConversationEntity> findByCallId(String callId) {
        return find("callId", callId).firstResultOptional();
    }

    /**
     * The gateway's write in one statement instead of a locked read, an entity and a flush: every value the log
     * carries replaces the stored one, absent ones are kept. {@code transcriptJson} and {@code toolCallsJson} are
     * null when the log carries none.
     */
    void upsert(String callId, ConversationLog log, String transcriptJson, String toolCallsJson, Instant savedAt) {
        long clinic = tenant.organizationId();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LOCK_AND_UPSERT)) {
                int i = 0;
                statement.setString(++i, CallLocks.key(callId));
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
                statement.execute();
            }
        });
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }
}
