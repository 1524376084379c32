package com.dentaldesk.booking.retell;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Calls nobody owns, for an operator; writes expect the caller's transaction. */
@ApplicationScoped
public class UnassignedCalls implements PanacheRepository<UnassignedCallEntity> {

    public void apply(MergedCall call) {
        UnassignedCallEntity row = find("callId", call.callId()).firstResultOptional().orElseGet(() -> {
            UnassignedCallEntity created = new UnassignedCallEntity();
            created.callId = call.callId();
            created.lastSeenAt = Instant.now();
            persist(created);
            return created;
        });
        row.agentId = call.agentId() != null ? call.agentId() : row.agentId;
        row.direction = call.direction() != null ? call.direction() : row.direction;
        row.status = call.status() != null ? call.status() : row.status;
        row.fromNumber = call.fromNumber() != null ? call.fromNumber() : row.fromNumber;
        row.toNumber = call.toNumber() != null ? call.toNumber() : row.toNumber;
        row.lastEvent = call.lastEvent() != null ? call.lastEvent() : row.lastEvent;
        row.lastSeenAt = Instant.now();
    }

    /** Once a call's agent or number has an owner, the call leaves the unassigned list. */
    public void forget(String callId) {
        delete("callId", callId);
    }

    public List<UnassignedCallEntity> recent(int limit) {
        return find("order by lastSeenAt desc, id desc").page(0, limit).list();
    }
}
