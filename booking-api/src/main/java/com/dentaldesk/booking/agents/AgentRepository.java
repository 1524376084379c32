package com.dentaldesk.booking.agents;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.tenancy.OrganizationChannel;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The current clinic's agents (tenant-filtered) and the channel rows that route their calls to the clinic. */
@ApplicationScoped
public class AgentRepository implements PanacheRepository<AgentEntity> {

    public AgentEntity require(long id) {
        return findByIdOptional(id).orElseThrow(() -> BookingException.notFound("Agent " + id));
    }

    public Optional<AgentEntity> findByRetellAgentId(String retellAgentId) {
        return find("retellAgentId", retellAgentId).firstResultOptional();
    }

    public void addChannel(long organizationId, String kind, String value) {
        OrganizationChannel channel = new OrganizationChannel();
        channel.organizationId = organizationId;
        channel.kind = kind;
        channel.value = value;
        getEntityManager().persist(channel);
    }

    public void removeChannel(long organizationId, String kind, String value) {
        getEntityManager().createQuery("delete from OrganizationChannel c where c.organizationId = ?1"
                + " and c.kind = ?2 and c.value = ?3").setParameter(1, organizationId).setParameter(2, kind)
                .setParameter(3, value).executeUpdate();
    }
}
