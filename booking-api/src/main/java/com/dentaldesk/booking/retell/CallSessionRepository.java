package com.dentaldesk.booking.retell;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The current clinic's call sessions (tenant-filtered); writes expect the caller's transaction. */
@ApplicationScoped
public class CallSessionRepository implements PanacheRepository<CallSessionEntity> {

    private final CallLocks locks;

    public CallSessionRepository(CallLocks locks) {
        this.locks = locks;
    }

    public Optional<CallSessionEntity> findByCallId(String callId) {
        return find("callId", callId).firstResultOptional();
    }

    /** Applies Retell's merged view: every value Retell reported replaces ours; values it never sent stay. */
    public CallSessionEntity apply(MergedCall call) {
        CallSessionEntity session = lockOrCreate(call.callId());
        session.agentId = pick(call.agentId(), session.agentId);
        session.callType = pick(call.callType(), session.callType);
        session.direction = pick(call.direction(), session.direction);
        session.status = pick(call.status(), session.status);
        session.fromNumber = pick(call.fromNumber(), session.fromNumber);
        session.toNumber = pick(call.toNumber(), session.toNumber);
        session.startedAt = pick(call.startedAt(), session.startedAt);
        session.endedAt = pick(call.endedAt(), session.endedAt);
        session.durationMs = pick(call.durationMs(), session.durationMs);
        session.disconnectionReason = pick(call.disconnectionReason(), session.disconnectionReason);
        session.recordingUrl = pick(call.recordingUrl(), session.recordingUrl);
        session.metadata = pick(call.metadata() == null ? null : call.metadata().toString(), session.metadata);
        session.summary = pick(call.summary(), session.summary);
        session.userSentiment = pick(call.userSentiment(), session.userSentiment);
        session.callSuccessful = pick(call.callSuccessful(), session.callSuccessful);
        session.analysis = pick(call.analysis() == null ? null : call.analysis().toString(), session.analysis);
        session.lastEvent = pick(call.lastEvent(), session.lastEvent);
        session.updatedAt = Instant.now();
        return session;
    }

    /** Records a call we asked Retell for; fills only what no webhook has reported yet. */
    public CallSessionEntity recordRequested(String callId, Function<CallSessionEntity, CallSessionEntity> fill) {
        CallSessionEntity session = fill.apply(lockOrCreate(callId));
        session.updatedAt = Instant.now();
        return session;
    }

    private CallSessionEntity lockOrCreate(String callId) {
        locks.lock(callId);
        return findByCallId(callId).orElseGet(() -> {
            CallSessionEntity created = new CallSessionEntity();
            created.callId = callId;
            created.updatedAt = Instant.now();
            persist(created);
            return created;
        });
    }

    private static <T> T pick(T incoming, T current) {
        return incoming != null ? incoming : current;
    }
}
