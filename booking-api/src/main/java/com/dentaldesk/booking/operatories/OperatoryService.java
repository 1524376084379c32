package com.dentaldesk.booking.operatories;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.functions.Params;
import com.dentaldesk.contracts.booking.Operatory;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Treatment rooms. Delete deactivates a room; its appointments stay. */
@ApplicationScoped
@Transactional
public class OperatoryService implements PanacheRepository<OperatoryEntity> {

    public List<Operatory> list(Params params) {
        boolean includeInactive = params.optionalBoolean("IncludeInactive").orElse(true);
        return (includeInactive ? find("order by id") : find("active = true order by id")).stream()
                .map(OperatoryEntity::toContract).toList();
    }

    /** Active rooms, lowest id first: the order auto-fill tries them in. */
    public List<OperatoryEntity> activeInOrder() {
        return find("active = true order by id").list();
    }

    public Operatory get(Params params) {
        long opNum = params.requiredLong("OperatoryNum");
        params.requireAll();
        return require(opNum).toContract();
    }

    public Operatory create(Params params) {
        OperatoryEntity operatory = new OperatoryEntity();
        operatory.name = params.requiredString("OpName");
        params.requireAll();
        operatory.abbrev = params.optionalString("Abbrev").orElse(null);
        operatory.tags = params.optionalString("Tags").orElse("");
        operatory.active = params.optionalBoolean("IsActive").orElse(true);
        persist(operatory);
        return operatory.toContract();
    }

    public Operatory update(Params params) {
        long opNum = params.requiredLong("OperatoryNum");
        params.requireAll();
        OperatoryEntity operatory = require(opNum);
        params.optionalString("OpName").ifPresent(v -> operatory.name = v);
        params.optionalString("Abbrev").ifPresent(v -> operatory.abbrev = v);
        params.optionalString("Tags").ifPresent(v -> operatory.tags = v);
        params.optionalBoolean("IsActive").ifPresent(v -> operatory.active = v);
        return operatory.toContract();
    }

    public Operatory delete(Params params) {
        long opNum = params.requiredLong("OperatoryNum");
        params.requireAll();
        OperatoryEntity operatory = require(opNum);
        operatory.active = false;
        return operatory.toContract();
    }

    public OperatoryEntity require(long opNum) {
        return findByIdOptional(opNum).orElseThrow(() -> notFound(opNum));
    }

    public OperatoryEntity requireActive(long opNum) {
        OperatoryEntity operatory = require(opNum);
        if (!operatory.active) {
            throw notInUse(opNum);
        }
        return operatory;
    }

    public static BookingException notFound(long opNum) {
        return BookingException.notFound("Operatory " + opNum);
    }

    public static BookingException notInUse(long opNum) {
        return BookingException.invalid("Op", "Operatory " + opNum + " is not in use");
    }
}
