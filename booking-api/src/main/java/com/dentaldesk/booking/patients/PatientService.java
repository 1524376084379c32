package com.dentaldesk.booking.patients;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.functions.Params;
import com.dentaldesk.booking.time.ClinicTime;
import com.dentaldesk.contracts.booking.Patient;

/** Finding and registering the clinic's patients; phone numbers are matched on their E.164 form. */
@ApplicationScoped
@Transactional
public class PatientService {

    private static final LocalDate OLDEST_BIRTHDATE = LocalDate.of(1900, 1, 1);

    private final PatientRepository patients;
    private final PhoneNumbers phoneNumbers;
    private final ClinicTime clinicTime;

    public PatientService(PatientRepository patients, PhoneNumbers phoneNumbers, ClinicTime clinicTime) {
        this.patients = patients;
        this.phoneNumbers = phoneNumbers;
        this.clinicTime = clinicTime;
    }

    /** GetMultiplePatients: by phone and/or name (prefix, any case) and/or birthdate; at least one is needed. */
    public List<Patient> search(Params params) {
        Optional<String> phone = params.optionalString("Phone");
        Optional<String> lastName = params.optionalString("LName");
        Optional<String> firstName = params.optionalString("FName");
        Optional<LocalDate> birthdate = params.optionalDate("Birthdate");
        if (phone.isEmpty() && lastName.isEmpty() && firstName.isEmpty()) {
            throw BookingException.missing(List.of("Phone", "LName"));
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        if (phone.isPresent()) {
            where.add("phone = :phone");
            values.put("phone", normalizePhone("Phone", phone.get()));
        }
        lastName.ifPresent(v -> {
            where.add("lower(lastName) like :lastName");
            values.put("lastName", likePrefix(v));
        });
        firstName.ifPresent(v -> {
            where.add("lower(firstName) like :firstName");
            values.put("firstName", likePrefix(v));
        });
        birthdate.ifPresent(v -> {
            where.add("birthdate = :birthdate");
            values.put("birthdate", v);
        });
        return patients.find(String.join(" and ", where) + " order by lastName, firstName, id", values)
                .page(0, 50).list().stream().map(PatientEntity::toContract).toList();
    }

    public Patient get(Params params) {
        long patNum = params.requiredLong("PatNum");
        params.requireAll();
        return require(patNum).toContract();
    }

    /** CreatePatient; the same name, birthdate and phone again returns the existing patient, not a duplicate. */
    public Patient create(Params params) {
        String firstName = params.requiredString("FName");
        String lastName = params.requiredString("LName");
        LocalDate birthdate = params.requiredDate("Birthdate");
        String rawPhone = params.requiredString("WirelessPhone");
        params.requireAll();
        checkBirthdate(birthdate);
        String phone = normalizePhone("WirelessPhone", rawPhone);
        Optional<PatientEntity> existing = patients.find("lower(firstName) = ?1 and lower(lastName) = ?2"
                + " and birthdate = ?3 and phone = ?4", firstName.toLowerCase(), lastName.toLowerCase(), birthdate,
                phone).firstResultOptional();
        if (existing.isPresent()) {
            return existing.get().toContract();
        }
        PatientEntity patient = new PatientEntity();
        patient.firstName = firstName;
        patient.lastName = lastName;
        patient.birthdate = birthdate;
        patient.phone = phone;
        patient.email = params.optionalString("Email").orElse(null);
        patients.persist(patient);
        return patient.toContract();
    }

    public Patient update(Params params) {
        long patNum = params.requiredLong("PatNum");
        params.requireAll();
        PatientEntity patient = require(patNum);
        params.optionalString("FName").ifPresent(v -> patient.firstName = v);
        params.optionalString("LName").ifPresent(v -> patient.lastName = v);
        params.optionalDate("Birthdate").ifPresent(v -> {
            checkBirthdate(v);
            patient.birthdate = v;
        });
        params.optionalString("WirelessPhone").ifPresent(v -> patient.phone = normalizePhone("WirelessPhone", v));
        params.optionalString("Email").ifPresent(v -> patient.email = v);
        return patient.toContract();
    }

    /** The patient of the current clinic; another clinic's id is simply not found. */
    public PatientEntity require(long patNum) {
        return patients.findByIdOptional(patNum).orElseThrow(() -> BookingException.notFound("Patient " + patNum));
    }

    private String normalizePhone(String field, String raw) {
        return phoneNumbers.normalize(raw)
                .orElseThrow(() -> BookingException.invalid(field, field + " is not a valid phone number"));
    }

    private void checkBirthdate(LocalDate birthdate) {
        if (birthdate.isAfter(clinicTime.today()) || birthdate.isBefore(OLDEST_BIRTHDATE)) {
            throw BookingException.invalid("Birthdate", "Birthdate must be a real past date");
        }
    }

    private static String likePrefix(String value) {
        return value.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
