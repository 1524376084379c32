package com.dentaldesk.booking.appointments;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.contracts.booking.AppointmentStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Reads of the current clinic's appointments (tenant-filtered); writes go through {@link OverlapSafeWriter}. */
@ApplicationScoped
public class AppointmentRepository implements PanacheRepository<AppointmentEntity> {

    private static final List<AppointmentStatus> HOLDING_TIME = List.of(AppointmentStatus.Scheduled,
            AppointmentStatus.Complete);

    /** Appointments that hold time (Scheduled, Complete) and overlap [from, to). */
    public List<AppointmentEntity> holdingTimeBetween(Instant from, Instant to) {
        // Statuses as a parameter, not enum literals in the HQL: Hibernate does not cache the interpretation of a
        // query with literal enum paths, and re-parsed this one on every slot search.
        return find("status in ?3 and startsAt < ?2 and endsAt > ?1 order by startsAt", from, to, HOLDING_TIME)
                .list();
    }
}
