package com.dentaldesk.booking.schedules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import com.dentaldesk.contracts.booking.Schedule;

/** A provider working in one operatory on one date, in clinic wall-clock hours. */
@Entity
@Table(name = "schedules")
public class ScheduleEntity {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "provider_id")
    public Long providerId;

    @Column(name = "operatory_id")
    public Long operatoryId;

    @Column(name = "sched_date")
    public LocalDate date;

    @Column(name = "start_time")
    public LocalTime startTime;

    @Column(name = "stop_time")
    public LocalTime stopTime;

    public boolean overlaps(ScheduleEntity other) {
        return date.equals(other.date) && startTime.isBefore(other.stopTime) && other.startTime.isBefore(stopTime);
    }

    public Schedule toContract() {
        return new Schedule(id, date.toString(), TIME.format(startTime), TIME.format(stopTime), providerId,
                operatoryId);
    }
}
