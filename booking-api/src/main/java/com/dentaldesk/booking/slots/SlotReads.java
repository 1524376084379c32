package com.dentaldesk.booking.slots;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.dentaldesk.booking.providers.ProviderEntity;
import com.dentaldesk.booking.tenancy.TenantContext;

/**
 * The reads of a slot search, as plain SQL on the transaction's connection: a profile of the 14-day search (JFR)
 * showed Hibernate's query and row handling as a third of its CPU, for rows that become no entity. Both queries
 * name the clinic (Row-Level Security names it too) and are served by indexes: {@code schedules_by_date} and
 * {@code appointments_holding_time} (V5); benchmarks/README.md shows their plans.
 */
@ApplicationScoped
public class SlotReads {

    private static final String OPEN_HOURS = "select s.provider_id, p.first_name, p.last_name, p.specialty,"
            + " s.operatory_id, s.sched_date, s.start_time, s.stop_time"
            + " from schedules s"
            + " join providers p on p.id = s.provider_id and p.organization_id = s.organization_id and not p.is_hidden"
            + " join operatories o on o.id = s.operatory_id and o.organization_id = s.organization_id and o.is_active"
            + " where s.organization_id = ? and s.sched_date between ? and ?"
            + " and (?::bigint is null or s.provider_id = ?) and (?::bigint is null or s.operatory_id = ?)"
            + " order by s.sched_date, s.start_time, s.id";

    // Epoch seconds as numbers: parsing timestamp text was most of this read's time.
    private static final String HELD_TIME = "select id, provider_id, operatory_id, patient_id,"
            + " extract(epoch from starts_at)::bigint, extract(epoch from ends_at)::bigint"
            + " from appointments"
            + " where organization_id = ? and status in ('Scheduled', 'Complete')"
            + " and tstzrange(starts_at, ends_at) && tstzrange(?, ?)"
            + " order by starts_at";

    private final EntityManager entityManager;
    private final TenantContext tenant;

    public SlotReads(EntityManager entityManager, TenantContext tenant) {
        this.entityManager = entityManager;
        this.tenant = tenant;
    }

    /** Schedules of bookable providers in active rooms on the clinic-local dates [from, to]. */
    public List<OpenHours> openHours(LocalDate from, LocalDate to, Optional<Long> provNum, Optional<Long> opNum) {
        long clinic = tenant.organizationId();
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(OPEN_HOURS)) {
                statement.setLong(1, clinic);
                statement.setObject(2, from);
                statement.setObject(3, to);
                statement.setObject(4, provNum.orElse(null), Types.BIGINT);
                statement.setObject(5, provNum.orElse(null), Types.BIGINT);
                statement.setObject(6, opNum.orElse(null), Types.BIGINT);
                statement.setObject(7, opNum.orElse(null), Types.BIGINT);
                List<OpenHours> hours = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        hours.add(new OpenHours(rows.getLong(1),
                                ProviderEntity.displayName(rows.getString(2), rows.getString(3), rows.getString(4)),
                                rows.getLong(5), rows.getObject(6, LocalDate.class),
                                rows.getObject(7, LocalTime.class),
                                rows.getObject(8, LocalTime.class)));
                    }
                }
                return hours;
            }
        });
    }

    /** Appointments that hold time (Scheduled, Complete) overlapping [from, to), earliest first. */
    public List<HeldTime> heldBetween(Instant from, Instant to) {
        long clinic = tenant.organizationId();
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(HELD_TIME)) {
                statement.setLong(1, clinic);
                statement.setObject(2, from.atOffset(ZoneOffset.UTC));
                statement.setObject(3, to.atOffset(ZoneOffset.UTC));
                List<HeldTime> held = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        held.add(new HeldTime(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                                rows.getLong(5), rows.getLong(6)));
                    }
                }
                return held;
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
