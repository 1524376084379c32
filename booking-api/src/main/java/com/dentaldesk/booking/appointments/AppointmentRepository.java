package com.dentaldesk.booking.appointments;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Reads of the current clinic's appointments (tenant-filtered); writes go through {@link OverlapSafeWriter}. */
@ApplicationScoped
public class AppointmentRepository implements PanacheRepository<AppointmentEntity> {

    /** Appointments that hold time (Scheduled, Complete) and overlap [from, to). */
    public List<AppointmentEntity> holdingTimeBetween(Instant from, Instant to) {
        return find("status in (com.dentaldesk.contracts.booking.AppointmentStatus.Scheduled,"
                + " com.dentaldesk.contracts.booking.AppointmentStatus.Complete)"
                + " and startsAt < ?2 and endsAt > ?1 order by startsAt", from, to).list();
    }
}
