package com.dentaldesk.booking.calls;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The current clinic's call log (tenant-filtered). */
@ApplicationScoped
public class ConversationRepository implements PanacheRepository<ConversationEntity> {

    public Optional<ConversationEntity> findByCallId(String callId) {
        return find("callId", callId).firstResultOptional();
    }
}
