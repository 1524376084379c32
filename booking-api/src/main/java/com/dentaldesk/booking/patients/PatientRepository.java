package com.dentaldesk.booking.patients;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Patients of the current clinic only: the tenant filter applies to every query. */
@ApplicationScoped
public class PatientRepository implements PanacheRepository<PatientEntity> {
}
